import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Every entity the filter matches, with only the given fields, a page at a time, following
 * the catalog's cursor. Without totals: counting the matches costs the catalog a query.
 */
export async function* queryEntityPages(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  query: { filter: EntityFilterQuery; fields: string[]; pageSize: number },
): AsyncGenerator<Entity[]> {
  const { filter, fields, pageSize } = query;
  let response = await catalog.queryEntities(
    { filter, fields, limit: pageSize, totalItems: 'exclude' },
    { credentials },
  );
  for (;;) {
    yield response.items;
    const cursor = response.pageInfo.nextCursor;
    if (!cursor) {
      return;
    }
    response = await catalog.queryEntities(
      { cursor, fields, limit: pageSize },
      { credentials },
    );
  }
}
