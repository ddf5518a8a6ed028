import { createRouteRef } from '@backstage/core-plugin-api';

/** The marketplace page; the app mounts it at /data-marketplace. */
export const rootRouteRef = createRouteRef({ id: 'data-marketplace' });

/** Mesh-wide governance; the app mounts it at /data-mesh/governance. */
export const governanceRouteRef = createRouteRef({
  id: 'data-marketplace:governance',
});

/** Reuse and the three cycle times; the app mounts it at /data-mesh/metrics. */
export const meshMetricsRouteRef = createRouteRef({
  id: 'data-marketplace:mesh-metrics',
});
