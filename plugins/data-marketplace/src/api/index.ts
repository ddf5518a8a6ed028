export { dataMarketplaceApiRef } from './DataMarketplaceApi';
export type { DataMarketplaceApi } from './DataMarketplaceApi';
export { DataMarketplaceClient } from './DataMarketplaceClient';
export type * from './types';
