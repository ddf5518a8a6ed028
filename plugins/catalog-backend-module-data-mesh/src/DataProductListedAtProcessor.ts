import { Entity } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_LISTED_AT,
  isDataProductEntity,
} from '@datamesh/plugin-data-mesh-common';

const LISTED_AT_CACHE_KEY = 'listed-at';

/**
 * Dates when the catalog first listed each data product. The catalog keeps a processor's
 * cache with the entity across every later processing, so the first time seen survives
 * refreshes and restarts; it goes when the entity leaves the catalog, as it should.
 */
export class DataProductListedAtProcessor implements CatalogProcessor {
  constructor(private readonly now: () => Date = () => new Date()) {}

  getProcessorName(): string {
    return 'DataProductListedAtProcessor';
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
    let listedAt = await cache.get<string>(LISTED_AT_CACHE_KEY);
    if (typeof listedAt !== 'string') {
      listedAt = this.now().toISOString();
      await cache.set(LISTED_AT_CACHE_KEY, listedAt);
    }
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...entity.metadata.annotations,
          [ANNOTATION_LISTED_AT]: listedAt,
        },
      },
    };
  }
}
