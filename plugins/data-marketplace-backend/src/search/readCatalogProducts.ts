import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { DATA_PRODUCT_KIND } from '@datamesh/plugin-data-mesh-common';
import { INDEXED_FIELDS } from './toIndexedProduct';

/** Products per catalog page: a few hundred keeps each answer small and quick. */
const PAGE_SIZE = 500;

/**
 * Every DataProduct of the catalog, a page at a time, with only the fields the index
 * needs. Follows the catalog's cursor, so a catalog that changes meanwhile is still read
 * through once; the total is not asked for, which spares the catalog a count per page.
 */
export async function* readCatalogProducts(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  signal?: AbortSignal,
): AsyncGenerator<Entity[]> {
  let response = await catalog.queryEntities(
    {
      filter: { kind: DATA_PRODUCT_KIND },
      fields: INDEXED_FIELDS,
      limit: PAGE_SIZE,
      totalItems: 'exclude',
    },
    { credentials },
  );
  for (;;) {
    yield response.items;
    const cursor = response.pageInfo.nextCursor;
    if (!cursor || signal?.aborted) {
      return;
    }
    response = await catalog.queryEntities(
      { cursor, fields: INDEXED_FIELDS, limit: PAGE_SIZE },
      { credentials },
    );
  }
}
