import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_GOVERNANCE_STATUS,
  GOVERNANCE_STATUSES,
  GovernanceStatus,
  isDataProductEntity,
} from '@datamesh/plugin-data-mesh-common';
import {
  BatchLoader,
  createBatchLoader,
  DEFAULT_MAX_BATCH_SIZE,
  ProcessorBatchingOptions,
} from './batching/createBatchLoader';
import { postEntityRefs } from './batching/postEntityRefs';

const STATUS_CACHE_KEY = 'governance-status';

/** The most refs the marketplace's `POST /governance/statuses` takes in one body. */
const MAX_REFS_PER_STATUSES_REQUEST = 1000;

const isStatus = (value: unknown): value is GovernanceStatus =>
  (GOVERNANCE_STATUSES as readonly unknown[]).includes(value);

/**
 * Puts a product's governance status (from the data-marketplace backend, which evaluates the
 * mesh's policies) on the entity as an annotation, so the catalog's own query API can filter
 * and count products by it: the marketplace's governance facet and badges. The backend asks
 * the catalog to refresh a product whose status changed, so the annotation follows quickly.
 * Without that backend, products carry no status.
 *
 * The catalog reprocesses every product every few minutes, several at a time: the products
 * processed together are asked about in one call (`POST /governance/statuses`), so a mesh of
 * 100,000 products costs a call per batch rather than per product.
 */
export class DataProductGovernanceStatusProcessor implements CatalogProcessor {
  /** A product's status; null when it has none. */
  private readonly statuses: BatchLoader<string, GovernanceStatus | null>;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      batching?: ProcessorBatchingOptions;
    },
  ) {
    this.statuses = createBatchLoader({
      loadMany: refs => this.readStatuses(refs),
      maxWaitMs: options.batching?.maxWaitMs,
      maxBatchSize: Math.min(
        options.batching?.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE,
        MAX_REFS_PER_STATUSES_REQUEST,
      ),
    });
  }

  getProcessorName(): string {
    return 'DataProductGovernanceStatusProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    _emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    if (!isDataProductEntity(entity)) {
      return entity;
    }
    let status = await this.statusOf(entity);
    if (status === undefined) {
      // The backend did not answer: keep the status it last gave rather than drop the badge.
      const cached = await cache.get(STATUS_CACHE_KEY);
      status = isStatus(cached) ? cached : null;
    } else {
      await cache.set(STATUS_CACHE_KEY, status);
    }
    if (!status) {
      return entity;
    }
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...entity.metadata.annotations,
          [ANNOTATION_GOVERNANCE_STATUS]: status,
        },
      },
    };
  }

  /** The product's status; null when it has none; undefined when the backend failed. */
  private async statusOf(
    entity: Entity,
  ): Promise<GovernanceStatus | null | undefined> {
    // Entity refs are case-insensitive; the backend is asked in their canonical, lower case.
    const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    try {
      return (await this.statuses.load(ref)) ?? null;
    } catch {
      // readStatuses warned, once for the whole batch.
      return undefined;
    }
  }

  /**
   * The status of each product that has one, keyed by its ref. A product the backend has
   * not evaluated yet is left out of its answer, and has none.
   */
  private async readStatuses(
    refs: string[],
  ): Promise<Map<string, GovernanceStatus | null>> {
    const { discovery, auth, logger } = this.options;
    let statuses;
    try {
      statuses = await postEntityRefs({
        discovery,
        auth,
        pluginId: 'data-marketplace',
        path: 'governance/statuses',
        entityRefs: refs,
        answerField: 'statuses',
      });
    } catch (error) {
      // Never fail the products' processing because governance is unreachable.
      logger.warn(
        `Could not read the governance status of ${refs.length} data product(s): ${error}`,
      );
      throw error;
    }
    // undefined: the data-marketplace backend is not installed here, so no product has one.
    return new Map(
      refs.map(ref => {
        const status = statuses?.[ref];
        return [ref, isStatus(status) ? status : null];
      }),
    );
  }
}
