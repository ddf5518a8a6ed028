/**
 * The data marketplace's backend for Backstage, served under /api/data-marketplace:
 * continuous computational governance of the data products in the catalog (results per
 * product, per domain and for the mesh, with a daily trend), mesh metrics (reuse and the
 * three cycle times, per domain and over time) and the marketplace's own query index
 * (search, facets and sorts over the catalog's data products).
 *
 * @packageDocumentation
 */
export { dataMarketplacePlugin as default } from './plugin';
export { dataMarketplacePlugin } from './plugin';
export type {
  DomainCompliance,
  DomainGovernance,
  EvaluationRun,
  MeshGovernanceSummary,
  ProductGovernance,
  ProductStatusLine,
  RuleCompliance,
  StatusCounts,
  TrendPoint,
} from './database';
export { createMetrics, type MetricsDeps } from './metrics';
export type { Cycle, CycleEvent, Period } from './metrics';
export { createMarketplaceSearch, type MarketplaceSearchDeps } from './search';
export type {
  FacetCount,
  MarketplaceFacet,
  MarketplaceFilters,
  MarketplaceProductsResponse,
  MarketplaceQueryRequest,
  MarketplaceQueryResult,
  MarketplaceSort,
  ProductCard,
  ProductCardEntity,
} from './search';
