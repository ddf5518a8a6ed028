/**
 * The data mesh marketplace for Backstage: the marketplace page, the DataProduct entity page
 * cards, the Domain page card, the api-docs widget for data contracts, and the mesh pages
 * (governance, metrics) with the client of the data-marketplace backend.
 *
 * @packageDocumentation
 */
export {
  dataMarketplacePlugin,
  MarketplacePage,
  EntityDataProductOverviewCard,
  EntityOutputPortsCard,
  EntityContractSchemaCard,
  EntitySlaQualityCard,
  EntityLineageCard,
  EntityDomainDataProductsCard,
  EntityGovernanceCard,
  GovernancePage,
  MeshMetricsPage,
} from './plugin';
export {
  rootRouteRef as dataMarketplaceRouteRef,
  governanceRouteRef,
  meshMetricsRouteRef,
} from './routes';
export type { MarketplacePageProps } from './components/MarketplacePage';
export type { GovernancePageProps } from './components/GovernancePage';
export type { MeshMetricsPageProps } from './components/MeshMetricsPage';
export {
  DataMarketplaceClient,
  dataMarketplaceApiRef,
  type DataMarketplaceApi,
} from './api';
export type * from './api/types';
export type { EntityOutputPortsCardProps } from './components/EntityOutputPortsCard';
export {
  DataContractDefinition,
  type DataContractDefinitionProps,
} from './components/DataContractDefinition';
export { dataContractApiWidget } from './dataContractApiWidget';
export { isDataProductKind, isDomainKind } from './lib/kinds';
