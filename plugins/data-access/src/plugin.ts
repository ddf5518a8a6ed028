import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DataAccessClient, dataAccessApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * Access requests to data products: the request dialog, order tracking, my requests and
 * the owner's inbox.
 *
 * @public
 */
export const dataAccessPlugin = createPlugin({
  id: 'data-access',
  apis: [
    createApiFactory({
      api: dataAccessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataAccessClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The plugin's page, with its tabs and the page of each request (`requests/:id`). Mount it
 * at `/data-access`.
 *
 * @public
 */
export const DataAccessPage = dataAccessPlugin.provide(
  createRoutableExtension({
    name: 'DataAccessPage',
    component: () =>
      import('./components/DataAccessPage').then(m => m.DataAccessPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * For a DataProduct's entity page: who consumes the product.
 *
 * @public
 */
export const EntityDataProductConsumersCard = dataAccessPlugin.provide(
  createComponentExtension({
    name: 'EntityDataProductConsumersCard',
    component: {
      lazy: () =>
        import('./components/EntityDataProductConsumersCard').then(
          m => m.EntityDataProductConsumersCard,
        ),
    },
  }),
);
