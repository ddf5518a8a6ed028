import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import { JsonValue } from '@backstage/types';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_CONSUMER_COUNT,
  isDataProductEntity,
  RELATION_CONSUMES_DATA_PRODUCT,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
} from '@datamesh/plugin-data-mesh-common';
import {
  BatchLoader,
  createBatchLoader,
  DEFAULT_MAX_BATCH_SIZE,
  ProcessorBatchingOptions,
} from './batching/createBatchLoader';
import { postEntityRefs } from './batching/postEntityRefs';

const GRANTS_CACHE_KEY = 'data-access-grants';

/** The most refs data-access's `POST /products/grants` takes in one body. */
const MAX_REFS_PER_GRANTS_REQUEST = 100;

/** The part of the data-access API's grant this processor reads. */
interface Grant {
  consumer: string;
}

/**
 * The number of distinct consumers as an annotation, so the marketplace can sort by it
 * through the catalog's own query API (zero-padded: the catalog orders fields as text).
 */
function withConsumerCount(entity: Entity, count: number): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_CONSUMER_COUNT]: String(count).padStart(6, '0'),
      },
    },
  };
}

/**
 * Shows who consumes a data product: for each granted access request (from the data-access
 * plugin's API), a `consumesDataProduct` relation from the consumer and its inverse
 * `dataProductConsumedBy` on the product. The data-access plugin asks the catalog to refresh
 * a product when one of its grants changes, so the relations follow within seconds. Where the
 * data-access plugin is not installed, products simply have no consumer relations.
 *
 * The catalog reprocesses every product every few minutes, several at a time: the products
 * processed together are asked about in one call (`POST /products/grants`), so a mesh of
 * 100,000 products costs a call per batch rather than per product.
 */
export class DataProductConsumersProcessor implements CatalogProcessor {
  private readonly grants: BatchLoader<string, Grant[]>;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      batching?: ProcessorBatchingOptions;
    },
  ) {
    // The catalog processes several products at once: their grants are asked in one call.
    this.grants = createBatchLoader({
      loadMany: refs => this.readGrants(refs),
      maxWaitMs: options.batching?.maxWaitMs,
      maxBatchSize: Math.min(
        options.batching?.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE,
        MAX_REFS_PER_GRANTS_REQUEST,
      ),
    });
  }

  getProcessorName(): string {
    return 'DataProductConsumersProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    if (!isDataProductEntity(entity)) {
      return entity;
    }
    const product = getCompoundEntityRef(entity);
    let grants = await this.grantsOf(product);
    if (grants) {
      await cache.set(GRANTS_CACHE_KEY, grants as unknown as JsonValue);
    } else {
      // The data-access plugin did not answer: keep the consumers it last told us of,
      // rather than erase them until the next processing.
      grants =
        ((await cache.get(GRANTS_CACHE_KEY)) as Grant[] | undefined) ?? [];
    }
    const consumers = new Set<string>();
    for (const grant of grants) {
      let consumer;
      try {
        consumer = parseEntityRef(grant.consumer);
      } catch {
        continue;
      }
      consumers.add(stringifyEntityRef(consumer));
      const consumerRef = {
        kind: consumer.kind,
        namespace: consumer.namespace,
        name: consumer.name,
      };
      emit(
        processingResult.relation({
          source: consumerRef,
          type: RELATION_CONSUMES_DATA_PRODUCT,
          target: product,
        }),
      );
      emit(
        processingResult.relation({
          source: product,
          type: RELATION_DATA_PRODUCT_CONSUMED_BY,
          target: consumerRef,
        }),
      );
    }
    return withConsumerCount(entity, consumers.size);
  }

  /** The product's grants, from the next batch; undefined when that batch failed. */
  private async grantsOf(
    product: CompoundEntityRef,
  ): Promise<Grant[] | undefined> {
    // Entity refs are case-insensitive; the API is asked in their canonical, lower case.
    const ref = stringifyEntityRef(product).toLocaleLowerCase('en-US');
    try {
      return (await this.grants.load(ref)) ?? [];
    } catch {
      // readGrants warned, once for the whole batch.
      return undefined;
    }
  }

  /** The grants of each product, keyed by its ref; a product without grants has []. */
  private async readGrants(refs: string[]): Promise<Map<string, Grant[]>> {
    const { discovery, auth, logger } = this.options;
    let items;
    try {
      items = await postEntityRefs({
        discovery,
        auth,
        pluginId: 'data-access',
        path: 'products/grants',
        entityRefs: refs,
        answerField: 'items',
      });
    } catch (error) {
      // Never fail the products' processing because the data-access plugin is unreachable.
      logger.warn(
        `Could not read the grants of ${refs.length} data product(s) from data-access: ${error}`,
      );
      throw error;
    }
    // undefined: the data-access plugin is not installed here, so nobody consumes anything.
    return new Map(
      refs.map(ref => {
        const grants = items?.[ref];
        return [ref, Array.isArray(grants) ? (grants as Grant[]) : []];
      }),
    );
  }
}
