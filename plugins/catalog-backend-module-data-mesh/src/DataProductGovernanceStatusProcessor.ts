import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
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

const STATUS_CACHE_KEY = 'governance-status';

const isStatus = (value: unknown): value is GovernanceStatus =>
  (GOVERNANCE_STATUSES as readonly unknown[]).includes(value);

/**
 * Puts a product's governance status (from the data-marketplace backend, which evaluates the
 * mesh's policies) on the entity as an annotation, so the catalog's own query API can filter
 * and count products by it: the marketplace's governance facet and badges. The backend asks
 * the catalog to refresh a product whose status changed, so the annotation follows quickly.
 * Without that backend, products carry no status.
 */
export class DataProductGovernanceStatusProcessor implements CatalogProcessor {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

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
    const { discovery, auth, logger } = this.options;
    const ref = getCompoundEntityRef(entity);
    const path = ['governance', 'products', ref.kind, ref.namespace, ref.name]
      .map(part => encodeURIComponent(part.toLocaleLowerCase('en-US')))
      .join('/');
    try {
      const baseUrl = await discovery.getBaseUrl('data-marketplace');
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'data-marketplace',
      });
      const response = await fetch(`${baseUrl}/${path}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (response.status === 404) {
        // Not evaluated yet, or the data-marketplace backend is not installed here.
        return null;
      }
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      const body = await response.json();
      return isStatus(body?.status) ? body.status : null;
    } catch (error) {
      // Never fail a product's processing because governance is unreachable.
      logger.warn(`Could not read the governance status of ${path}: ${error}`);
      return undefined;
    }
  }
}
