import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** Refs per catalog request: keeps each answer a few hundred kilobytes. */
const REFS_PER_REQUEST = 200;

/**
 * The named entities, with only the given fields, a batch at a time. An entity gone from
 * the catalog since its ref was read is left out.
 */
export async function* readEntitiesByRef(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  refs: string[],
  fields: string[],
): AsyncGenerator<Entity[]> {
  for (let start = 0; start < refs.length; start += REFS_PER_REQUEST) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: refs.slice(start, start + REFS_PER_REQUEST), fields },
      { credentials },
    );
    // Over HTTP a missing entity comes as null, in-process as undefined.
    yield items.filter((entity): entity is Entity => Boolean(entity));
  }
}
