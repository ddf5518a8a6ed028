import type { MarketplaceFacet } from './types';

/**
 * Where each facet lives. One value per product: a column of marketplace_products, all five
 * counted together from one grouped count of their combinations. Many values per product
 * (tags, port types): rows of marketplace_product_values, counted by value. The governance
 * status: governance_results, joined by entity ref and counted by status.
 */
export const COLUMN_FACETS = [
  'domain',
  'owner',
  'type',
  'classification',
  'lifecycle',
] as const;
export type ColumnFacet = (typeof COLUMN_FACETS)[number];

export const LIST_FACETS = ['tag', 'port'] as const;
export type ListFacet = (typeof LIST_FACETS)[number];

export function isColumnFacet(facet: MarketplaceFacet): facet is ColumnFacet {
  return (COLUMN_FACETS as readonly string[]).includes(facet);
}
