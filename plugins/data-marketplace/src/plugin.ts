import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DataMarketplaceClient, dataMarketplaceApiRef } from './api';
import {
  governanceRouteRef,
  meshMetricsRouteRef,
  rootRouteRef,
} from './routes';

/** @public */
export const dataMarketplacePlugin = createPlugin({
  id: 'data-marketplace',
  apis: [
    createApiFactory({
      api: dataMarketplaceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataMarketplaceClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    governance: governanceRouteRef,
    meshMetrics: meshMetricsRouteRef,
  },
});

/**
 * The marketplace: search, facets, sorting and pages of data product cards.
 *
 * @public
 */
export const MarketplacePage = dataMarketplacePlugin.provide(
  createRoutableExtension({
    name: 'MarketplacePage',
    component: () =>
      import('./components/MarketplacePage').then(m => m.MarketplacePage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * A DataProduct's purpose, limitations, usage, facts, licence, support and links.
 *
 * @public
 */
export const EntityDataProductOverviewCard = dataMarketplacePlugin.provide(
  createComponentExtension({
    name: 'EntityDataProductOverviewCard',
    component: {
      lazy: () =>
        import('./components/EntityDataProductOverviewCard').then(
          m => m.EntityDataProductOverviewCard,
        ),
    },
  }),
);

/**
 * A DataProduct's output ports, with an optional action per port.
 *
 * @public
 */
export const EntityOutputPortsCard = dataMarketplacePlugin.provide(
  createComponentExtension({
    name: 'EntityOutputPortsCard',
    component: {
      lazy: () =>
        import('./components/EntityOutputPortsCard').then(
          m => m.EntityOutputPortsCard,
        ),
    },
  }),
);

/**
 * The schema tables of a DataProduct's data contracts.
 *
 * @public
 */
export const EntityContractSchemaCard = dataMarketplacePlugin.provide(
  createComponentExtension({
    name: 'EntityContractSchemaCard',
    component: {
      lazy: () =>
        import('./components/EntityContractSchemaCard').then(
          m => m.EntityContractSchemaCard,
        ),
    },
  }),
);

/**
 * A DataProduct's service levels and quality rules, from the product and its contracts.
 *
 * @public
 */
export const EntitySlaQualityCard = dataMarketplacePlugin.provide(
  createComponentExtension({
    name: 'EntitySlaQualityCard',
    component: {
      lazy: () =>
        import('./components/EntitySlaQualityCard').then(
          m => m.EntitySlaQualityCard,
        ),
    },
  }),
);

/**
 * A DataProduct's upstream and downstream products, outside sources and consumers.
 *
 * @public
 */
export const EntityLineageCard = dataMarketplacePlugin.provide(
  createComponentExtension({
    name: 'EntityLineageCard',
    component: {
      lazy: () =>
        import('./components/EntityLineageCard').then(m => m.EntityLineageCard),
    },
  }),
);

/**
 * A Domain's data products, for the domain's entity page.
 *
 * @public
 */
export const EntityDomainDataProductsCard = dataMarketplacePlugin.provide(
  createComponentExtension({
    name: 'EntityDomainDataProductsCard',
    component: {
      lazy: () =>
        import('./components/EntityDomainDataProductsCard').then(
          m => m.EntityDomainDataProductsCard,
        ),
    },
  }),
);

/**
 * The mesh's compliance: totals, per domain and per rule, the worst offenders, the trend
 * and the policies in force. Mount it at `/data-mesh/governance`.
 *
 * @public
 */
export const GovernancePage = dataMarketplacePlugin.provide(
  createRoutableExtension({
    name: 'GovernancePage',
    component: () =>
      import('./components/GovernancePage').then(m => m.GovernancePage),
    mountPoint: governanceRouteRef,
  }),
);

/**
 * Reuse and the three cycle times, per domain and over time, with their export. Mount it
 * at `/data-mesh/metrics`.
 *
 * @public
 */
export const MeshMetricsPage = dataMarketplacePlugin.provide(
  createRoutableExtension({
    name: 'MeshMetricsPage',
    component: () =>
      import('./components/MeshMetricsPage').then(m => m.MeshMetricsPage),
    mountPoint: meshMetricsRouteRef,
  }),
);

/**
 * A DataProduct's governance status and each rule's verdict, with what to change.
 *
 * @public
 */
export const EntityGovernanceCard = dataMarketplacePlugin.provide(
  createComponentExtension({
    name: 'EntityGovernanceCard',
    component: {
      lazy: () =>
        import('./components/EntityGovernanceCard').then(
          m => m.EntityGovernanceCard,
        ),
    },
  }),
);
