import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
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

const GRANTS_CACHE_KEY = 'data-access-grants';

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
 */
export class DataProductConsumersProcessor implements CatalogProcessor {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

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

  private async grantsOf(product: {
    kind: string;
    namespace: string;
    name: string;
  }): Promise<Grant[] | undefined> {
    const { discovery, auth, logger } = this.options;
    // Entity refs are case-insensitive; the API is asked in their canonical, lower case.
    const path = [
      'products',
      product.kind.toLocaleLowerCase('en-US'),
      product.namespace.toLocaleLowerCase('en-US'),
      product.name.toLocaleLowerCase('en-US'),
      'grants',
    ]
      .map(encodeURIComponent)
      .join('/');
    try {
      const baseUrl = await discovery.getBaseUrl('data-access');
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'data-access',
      });
      const response = await fetch(`${baseUrl}/${path}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (response.status === 404) {
        // The data-access plugin is not installed here, or does not know the product.
        return [];
      }
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      // The API's list envelope: { items, nextCursor }.
      const body = await response.json();
      return Array.isArray(body?.items) ? body.items : [];
    } catch (error) {
      // Never fail a product's processing because the data-access plugin is unreachable.
      logger.warn(`Could not read the grants of ${path}: ${error}`);
      return undefined;
    }
  }
}
