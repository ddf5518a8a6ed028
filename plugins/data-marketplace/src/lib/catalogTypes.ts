import type { CatalogApi } from '@backstage/plugin-catalog-react';

// The catalog client's request types, taken from the CatalogApi that plugin-catalog-react
// re-exports, so the plugin needs no direct dependency on @backstage/catalog-client.

export type QueryEntitiesRequest = NonNullable<
  Parameters<CatalogApi['queryEntities']>[0]
>;
export type QueryEntitiesResponse = Awaited<
  ReturnType<CatalogApi['queryEntities']>
>;
export type GetEntityFacetsRequest = Parameters<
  CatalogApi['getEntityFacets']
>[0];
export type GetEntityFacetsResponse = Awaited<
  ReturnType<CatalogApi['getEntityFacets']>
>;
export type EntityFilterQuery = NonNullable<GetEntityFacetsRequest['filter']>;
export type EntityOrderQuery = NonNullable<
  Extract<QueryEntitiesRequest, { orderFields?: unknown }>['orderFields']
>;
