import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { DataAccessClient, dataAccessApiRef } from './api';
import { rootRouteRef } from './routes';

/** The client of the data-access backend. */
const dataAccessApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: dataAccessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataAccessClient({ discoveryApi, fetchApi }),
    }),
});

/** The plugin's page at /data-access; it routes to each request's page itself. */
const dataAccessPage = PageBlueprint.make({
  params: {
    path: '/data-access',
    title: 'Data access',
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/DataAccessPage').then(m => <m.DataAccessPage />),
  },
});

/** Who consumes a data product, on its entity page. */
const dataProductConsumersCard = EntityCardBlueprint.make({
  name: 'data-product-consumers',
  params: {
    filter: 'kind:dataproduct',
    loader: () =>
      import('./components/EntityDataProductConsumersCard').then(m => (
        <m.EntityDataProductConsumersCard />
      )),
  },
});

/**
 * The data-access plugin for Backstage's new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'data-access',
  title: 'Data access',
  info: { packageJson: () => import('../package.json') },
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
  extensions: [dataAccessApi, dataAccessPage, dataProductConsumersCard],
});
