import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CONSUMER_COUNT,
  ANNOTATION_GOVERNANCE_STATUS,
} from '@datamesh/plugin-data-mesh-common';
import type {
  MarketplaceFacet,
  MarketplaceFilters,
  MarketplaceProductsResponse,
  MarketplaceQueryRequest,
  MarketplaceSort,
  ProductCard as IndexedProduct,
} from '../../api/types';
import type { QueryEntitiesResponse } from '../../lib/catalogTypes';
import { FACETS } from './facets';
import { MarketplaceQuery, PAGE_SIZE, SortKey } from './marketplaceQuery';

/**
 * The URL's `cursor` on pages after the first in index mode. The URL model keeps a page
 * number only beside a cursor (the catalog's pages are cursors); the index pages by offset,
 * so any cursor will do and the page number alone says which page: `?cursor=index&page=3`.
 * A catalog cursor in a shared URL therefore works too.
 */
export const INDEX_CURSOR = 'index';

const SORTS: Record<SortKey, MarketplaceSort> = {
  relevance: 'relevance',
  name: 'name',
  newest: 'newest',
  consumed: 'most-consumed',
};

/** The one index call of a query: the page and every facet's counts. */
export function indexRequest(query: MarketplaceQuery): MarketplaceQueryRequest {
  // The facets' URL parameters are the index's filter names.
  const filters: MarketplaceFilters = {};
  for (const { param } of FACETS) {
    const values = query.selected[param];
    if (values?.length) {
      filters[param as MarketplaceFacet] = values;
    }
  }
  return {
    ...(query.term ? { term: query.term } : {}),
    filters,
    sort: SORTS[query.sort],
    offset: (query.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/**
 * An indexed product as the catalog would give it to a card: the consumer count and the
 * governance status as the annotations the catalog module writes (the count zero-padded),
 * so the card, and the app's card actions, read it as they read a catalog entity.
 */
export function toCardEntity(product: IndexedProduct): Entity {
  const { entity, consumerCount, governanceStatus } = product;
  const {
    // The index's status is the one its governance facet counts: a card must not show an
    // older one the catalog copied into the entity.
    [ANNOTATION_GOVERNANCE_STATUS]: _catalogStatus,
    ...annotations
  } = entity.metadata.annotations ?? {};
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...annotations,
        [ANNOTATION_CONSUMER_COUNT]: String(consumerCount).padStart(6, '0'),
        ...(governanceStatus
          ? { [ANNOTATION_GOVERNANCE_STATUS]: governanceStatus }
          : {}),
      },
    },
    // A JSON object, only typed more narrowly than Entity's spec.
    spec: entity.spec as Entity['spec'],
  };
}

/** The index's answer in the shape of a catalog page, so the page renders either alike. */
export function indexPage(
  query: MarketplaceQuery,
  response: MarketplaceProductsResponse,
): QueryEntitiesResponse {
  const offset = (query.page - 1) * PAGE_SIZE;
  const hasNext = offset + response.items.length < response.totalItems;
  return {
    items: response.items.map(toCardEntity),
    totalItems: response.totalItems,
    pageInfo: {
      ...(query.page > 1 ? { prevCursor: INDEX_CURSOR } : {}),
      ...(hasNext ? { nextCursor: INDEX_CURSOR } : {}),
    },
  };
}

/**
 * Whether an index call failed in a way the catalog answers instead: a 404 for the route (no
 * data-marketplace backend, or one without the index), or a 403 where the permission
 * policy does not let the user read every catalog entity (the index cannot hide entities;
 * the catalog applies the policy to each one). Read by status rather than by `instanceof`,
 * which a second copy of @backstage/errors would defeat.
 */
export function isIndexUnavailable(error: unknown): boolean {
  const response = (error as { response?: { status?: unknown } } | undefined)
    ?.response;
  return (
    (error as Error | undefined)?.name === 'ResponseError' &&
    (response?.status === 404 || response?.status === 403)
  );
}
