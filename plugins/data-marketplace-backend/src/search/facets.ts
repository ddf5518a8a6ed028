import type { MarketplaceFacet } from './types';

/**
 * Where each facet lives. One value per product: a column of marketplace_products, all six
 * counted together from one grouped count of their combinations (the governance status is
 * copied there from governance_results by the indexer). Many values per product (tags,
 * port types): rows of marketplace_product_values, by which they are filtered, and a list
 * on the product row, from which they are counted.
 */
export const COLUMN_FACETS = [
  'domain',
  'owner',
  'type',
  'classification',
  'lifecycle',
  'governance',
] as const;
export type ColumnFacet = (typeof COLUMN_FACETS)[number];

export const LIST_FACETS = ['tag', 'port'] as const;
export type ListFacet = (typeof LIST_FACETS)[number];

export function isColumnFacet(facet: MarketplaceFacet): facet is ColumnFacet {
  return (COLUMN_FACETS as readonly string[]).includes(facet);
}
