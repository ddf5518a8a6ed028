/**
 * The marketplace's own query index: the catalog's DataProducts in the plugin's database,
 * fed by a scheduled indexer and served under /marketplace/products. See README,
 * "Marketplace query index".
 */
export {
  createMarketplaceSearch,
  type MarketplaceSearchDeps,
} from './createMarketplaceSearch';
export {
  MARKETPLACE_INDEX_SCHEDULE_CONFIG_KEY,
  readMarketplaceIndexSchedule,
} from './config';
export {
  MarketplaceIndexer,
  MARKETPLACE_INDEX_TASK_ID,
} from './MarketplaceIndexer';
export { MarketplaceIndexStore, type IndexRun } from './MarketplaceIndexStore';
export { MarketplaceQuery } from './MarketplaceQuery';
export {
  createMarketplaceRouter,
  type MarketplaceRouterOptions,
} from './router';
export * from './types';
