import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The plugin's page, mounted by the app at `/data-access`.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'data-access' });

/** One request, followed like an order: `/data-access/requests/:id`. */
export const requestRouteRef = createSubRouteRef({
  id: 'data-access/request',
  parent: rootRouteRef,
  path: '/requests/:id',
});
