export { MarketplacePage } from './MarketplacePage';
export type { MarketplacePageProps } from './MarketplacePage';
