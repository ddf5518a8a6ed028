import type {
  EntityFilterQuery,
  EntityOrderQuery,
  GetEntityFacetsRequest,
  QueryEntitiesRequest,
} from '../../lib/catalogTypes';
import {
  ANNOTATION_CONSUMER_COUNT,
  ANNOTATION_GOVERNANCE_STATUS,
  ANNOTATION_LISTED_AT,
  DATA_PRODUCT_KIND,
} from '@datamesh/plugin-data-mesh-common';
import { FACETS, FacetDefinition } from './facets';

/** Products per page. */
export const PAGE_SIZE = 24;

/** The entity fields the free-text search looks in. */
export const SEARCH_FIELDS = [
  'metadata.name',
  'metadata.title',
  'metadata.description',
  'metadata.tags',
  'spec.description.purpose',
];

/** Only what a product card shows, so a page of 24 products stays small. */
export const CARD_FIELDS = [
  'kind',
  'apiVersion',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.tags',
  `metadata.annotations.${ANNOTATION_GOVERNANCE_STATUS}`,
  `metadata.annotations.${ANNOTATION_CONSUMER_COUNT}`,
  'spec.domain',
  'spec.owner',
  'spec.type',
  'spec.lifecycle',
  'spec.classification',
  'spec.version',
  'spec.description.purpose',
  'spec.sla',
  // The card lists the port types, and a card action (the access request) needs the ports.
  'spec.outputPorts',
  // The consumers are the dataProductConsumedBy relations.
  'relations',
];

export type SortKey = 'relevance' | 'name' | 'newest' | 'consumed';

export const SORT_OPTIONS: ReadonlyArray<{ key: SortKey; label: string }> = [
  { key: 'relevance', label: 'Relevance' },
  { key: 'name', label: 'Name' },
  { key: 'newest', label: 'Newest' },
  { key: 'consumed', label: 'Most consumed' },
];

/** Everything a marketplace search is, as the URL holds it. */
export interface MarketplaceQuery {
  term: string;
  /** Selected values per facet parameter; OR within a facet, AND across facets. */
  selected: Record<string, string[]>;
  sort: SortKey;
  /** The catalog's opaque cursor of the page shown; undefined on the first page. */
  cursor?: string;
  /** 1-based number of the page shown, for "25–48 of 120". */
  page: number;
}

/** Relevance with a search term; by name without one. */
export function defaultSort(term: string): SortKey {
  return term ? 'relevance' : 'name';
}

/**
 * The sort that applies: relevance only means something with a search term, so without one
 * the marketplace lists by name.
 */
function effectiveSort(sort: string | null, term: string): SortKey {
  const known = SORT_OPTIONS.some(option => option.key === sort)
    ? (sort as SortKey)
    : undefined;
  if (term) {
    return known ?? 'relevance';
  }
  return known && known !== 'relevance' ? known : 'name';
}

export function readQuery(params: URLSearchParams): MarketplaceQuery {
  const term = (params.get('q') ?? '').trim();
  const selected: Record<string, string[]> = {};
  for (const facet of FACETS) {
    const values = [...new Set(params.getAll(facet.param).filter(Boolean))];
    if (values.length) {
      selected[facet.param] = values;
    }
  }
  const cursor = params.get('cursor') || undefined;
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    term,
    selected,
    sort: effectiveSort(params.get('sort'), term),
    cursor,
    page: cursor && Number.isFinite(page) && page > 1 ? page : 1,
  };
}

export function writeQuery(query: MarketplaceQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.term) {
    params.set('q', query.term);
  }
  for (const facet of FACETS) {
    for (const value of query.selected[facet.param] ?? []) {
      params.append(facet.param, value);
    }
  }
  if (query.sort !== defaultSort(query.term)) {
    params.set('sort', query.sort);
  }
  if (query.cursor) {
    params.set('cursor', query.cursor);
    params.set('page', String(query.page));
  }
  return params;
}

/**
 * The catalog filter of a query: DataProducts, and every selected facet. `except` leaves one
 * facet's own selection out, for that facet's counts.
 */
export function entityFilter(
  query: MarketplaceQuery,
  except?: FacetDefinition,
): EntityFilterQuery {
  const filter: Record<string, string | string[]> = { kind: DATA_PRODUCT_KIND };
  for (const facet of FACETS) {
    const values = query.selected[facet.param];
    if (facet !== except && values?.length) {
      filter[facet.field] = values.length === 1 ? values[0] : values;
    }
  }
  return filter;
}

/**
 * The catalog order of a sort. Backstage's catalog orders by one field (it ignores any
 * further one with a warning) and leaves out entities that lack that field; the catalog
 * module sets the listed-at and consumer-count annotations on every DataProduct.
 */
export function orderFields(sort: SortKey): EntityOrderQuery | undefined {
  switch (sort) {
    case 'name':
      // Titles are what cards show. A product without a title has none to sort by: the
      // catalog leaves it out of this order (a second field, metadata.name, would be ignored).
      return [{ field: 'metadata.title', order: 'asc' }];
    case 'newest':
      return [
        {
          field: `metadata.annotations.${ANNOTATION_LISTED_AT}`,
          order: 'desc',
        },
      ];
    case 'consumed':
      // Zero-padded by the catalog module, so text order is numeric order.
      return [
        {
          field: `metadata.annotations.${ANNOTATION_CONSUMER_COUNT}`,
          order: 'desc',
        },
      ];
    case 'relevance':
    default:
      // The catalog has no relevance ranking: with a search term and no order fields it
      // returns the matches in its default order (by its internal entity id). "Relevance"
      // is that order, and a dedicated search index could rank better later.
      return undefined;
  }
}

/** The one catalog call for the page of products. */
export function productsRequest(
  query: MarketplaceQuery,
  limit: number = PAGE_SIZE,
): QueryEntitiesRequest {
  if (query.cursor) {
    // The cursor carries the filter, the search term and the order it was made with.
    return { cursor: query.cursor, limit, fields: CARD_FIELDS };
  }
  const order = orderFields(query.sort);
  return {
    filter: entityFilter(query),
    ...(query.term
      ? { fullTextFilter: { term: query.term, fields: SEARCH_FIELDS } }
      : {}),
    ...(order ? { orderFields: order } : {}),
    limit,
    fields: CARD_FIELDS,
  };
}

/**
 * The facet-count calls of a query, standard faceting: each facet with a selection is
 * counted under the filter without its own selection (so its other values keep their
 * counts and can be added), and all the others together under the whole filter.
 *
 * The catalog's facets endpoint takes no full-text term: counts reflect the selected
 * facets, not the search term. The total under the search box comes from queryEntities.
 */
export function facetRequests(
  query: MarketplaceQuery,
): GetEntityFacetsRequest[] {
  const requests: GetEntityFacetsRequest[] = [];
  const unselected: string[] = [];
  for (const facet of FACETS) {
    if (query.selected[facet.param]?.length) {
      requests.push({
        filter: entityFilter(query, facet),
        facets: [facet.field],
      });
    } else {
      unselected.push(facet.field);
    }
  }
  if (unselected.length) {
    requests.push({ filter: entityFilter(query), facets: unselected });
  }
  return requests;
}
