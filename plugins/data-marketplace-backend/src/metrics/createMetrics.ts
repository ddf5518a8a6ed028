import type {
  AuthService,
  DatabaseService,
  DiscoveryService,
  HttpAuthService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type express from 'express';
import { readMetricsSettings } from './config';
import { DatabaseMetricsStore } from './DatabaseMetricsStore';
import { METRICS_TASK_ID, MetricsCollector } from './MetricsCollector';
import { createMetricsRouter } from './router';

/** The plugin services the mesh metrics need; plugin.ts passes its own. */
export interface MetricsDeps {
  config: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  discovery: DiscoveryService;
  httpAuth: HttpAuthService;
}

/**
 * Sets up the mesh metrics inside the data-marketplace plugin: the store (running the
 * plugin's migrations, a no-op when already done), the collector scheduled on the plugin's
 * scheduler (once per tick across replicas) and the router to mount on the plugin's
 * httpRouter.
 */
export async function createMetrics(
  deps: MetricsDeps,
): Promise<{ router: express.Router; collector: MetricsCollector }> {
  const settings = readMetricsSettings(deps.config);
  const store = await DatabaseMetricsStore.create({ database: deps.database });
  const collector = new MetricsCollector({
    store,
    catalog: deps.catalog,
    auth: deps.auth,
    discovery: deps.discovery,
    logger: deps.logger.child({ task: METRICS_TASK_ID }),
    settings,
  });
  await deps.scheduler.scheduleTask({
    id: METRICS_TASK_ID,
    ...settings.schedule,
    scope: 'global',
    fn: async signal => {
      await collector.collect(signal);
    },
  });
  const router = await createMetricsRouter({
    store,
    httpAuth: deps.httpAuth,
  });
  return { router, collector };
}
