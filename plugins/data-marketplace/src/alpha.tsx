import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import PolicyIcon from '@material-ui/icons/Policy';
import StorefrontIcon from '@material-ui/icons/Storefront';
import TimelineIcon from '@material-ui/icons/Timeline';
import { DataMarketplaceClient, dataMarketplaceApiRef } from './api';
import {
  governanceRouteRef,
  meshMetricsRouteRef,
  rootRouteRef,
} from './routes';

// The same plugin for Backstage's new frontend system. The components are written against
// the legacy APIs (core-plugin-api), so each is wrapped with compatWrapper.

const PRODUCT_FILTER = 'kind:dataproduct';
const DOMAIN_FILTER = 'kind:domain';

/**
 * The marketplace page at /data-marketplace; its title and icon make the navigation item
 * (this version of the frontend system has no separate NavItemBlueprint).
 */
const marketplacePage = PageBlueprint.make({
  params: {
    path: '/data-marketplace',
    title: 'Data marketplace',
    icon: <StorefrontIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    // The page draws its own header (the legacy Page and Header).
    noHeader: true,
    loader: () =>
      import('./components/MarketplacePage').then(m =>
        compatWrapper(<m.MarketplacePage />),
      ),
  },
});

/** The client of the data-marketplace backend (governance results, mesh metrics). */
const dataMarketplaceApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: dataMarketplaceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataMarketplaceClient({ discoveryApi, fetchApi }),
    }),
});

/** Mesh-wide governance at /data-mesh/governance. */
const governancePage = PageBlueprint.make({
  name: 'governance',
  params: {
    path: '/data-mesh/governance',
    title: 'Mesh governance',
    icon: <PolicyIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(governanceRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/GovernancePage').then(m =>
        compatWrapper(<m.GovernancePage />),
      ),
  },
});

/** Reuse and the three cycle times at /data-mesh/metrics. */
const meshMetricsPage = PageBlueprint.make({
  name: 'mesh-metrics',
  params: {
    path: '/data-mesh/metrics',
    title: 'Mesh metrics',
    icon: <TimelineIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(meshMetricsRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/MeshMetricsPage').then(m =>
        compatWrapper(<m.MeshMetricsPage />),
      ),
  },
});

const overviewCard = EntityCardBlueprint.make({
  name: 'data-product-overview',
  params: {
    filter: PRODUCT_FILTER,
    loader: () =>
      import('./components/EntityDataProductOverviewCard').then(m =>
        compatWrapper(<m.EntityDataProductOverviewCard />),
      ),
  },
});

const outputPortsCard = EntityCardBlueprint.make({
  name: 'output-ports',
  params: {
    filter: PRODUCT_FILTER,
    loader: () =>
      import('./components/EntityOutputPortsCard').then(m =>
        compatWrapper(<m.EntityOutputPortsCard />),
      ),
  },
});

const contractSchemaCard = EntityCardBlueprint.make({
  name: 'contract-schema',
  params: {
    filter: PRODUCT_FILTER,
    loader: () =>
      import('./components/EntityContractSchemaCard').then(m =>
        compatWrapper(<m.EntityContractSchemaCard />),
      ),
  },
});

const slaQualityCard = EntityCardBlueprint.make({
  name: 'sla-quality',
  params: {
    filter: PRODUCT_FILTER,
    loader: () =>
      import('./components/EntitySlaQualityCard').then(m =>
        compatWrapper(<m.EntitySlaQualityCard />),
      ),
  },
});

const lineageCard = EntityCardBlueprint.make({
  name: 'lineage',
  params: {
    filter: PRODUCT_FILTER,
    loader: () =>
      import('./components/EntityLineageCard').then(m =>
        compatWrapper(<m.EntityLineageCard />),
      ),
  },
});

const governanceCard = EntityCardBlueprint.make({
  name: 'governance',
  params: {
    filter: PRODUCT_FILTER,
    loader: () =>
      import('./components/EntityGovernanceCard').then(m =>
        compatWrapper(<m.EntityGovernanceCard />),
      ),
  },
});

const domainProductsCard = EntityCardBlueprint.make({
  name: 'domain-data-products',
  params: {
    filter: DOMAIN_FILTER,
    loader: () =>
      import('./components/EntityDomainDataProductsCard').then(m =>
        compatWrapper(<m.EntityDomainDataProductsCard />),
      ),
  },
});

/**
 * The data marketplace for the new frontend system: the marketplace, governance and metrics
 * pages, the entity cards and the backend's client.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'data-marketplace',
  title: 'Data marketplace',
  icon: <StorefrontIcon fontSize="inherit" />,
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
    governance: convertLegacyRouteRef(governanceRouteRef),
    meshMetrics: convertLegacyRouteRef(meshMetricsRouteRef),
  },
  extensions: [
    dataMarketplaceApi,
    marketplacePage,
    governancePage,
    meshMetricsPage,
    overviewCard,
    outputPortsCard,
    contractSchemaCard,
    slaQualityCard,
    lineageCard,
    governanceCard,
    domainProductsCard,
  ],
});
