import type {
  AuthService,
  DatabaseService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type express from 'express';
import { readMarketplaceIndexSchedule } from './config';
import { MarketplaceIndexStore } from './MarketplaceIndexStore';
import {
  MARKETPLACE_INDEX_TASK_ID,
  MarketplaceIndexer,
} from './MarketplaceIndexer';
import { MarketplaceQuery } from './MarketplaceQuery';
import { createMarketplaceRouter } from './router';

/** The plugin services the marketplace index needs; plugin.ts passes its own. */
export interface MarketplaceSearchDeps {
  config: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  /** The index answers only users the catalog's read policy lets read every entity. */
  permissions: PermissionsService;
}

/**
 * Sets up the marketplace's query index inside the data-marketplace plugin: the tables (the
 * plugin's migrations, a no-op when done), the indexer scheduled on the plugin's scheduler
 * (once per tick across replicas) and the router to mount on the plugin's httpRouter.
 */
export async function createMarketplaceSearch(
  deps: MarketplaceSearchDeps,
): Promise<{ router: express.Router; indexer: MarketplaceIndexer }> {
  const schedule = readMarketplaceIndexSchedule(deps.config);
  const store = await MarketplaceIndexStore.create({ database: deps.database });
  const indexer = new MarketplaceIndexer({
    catalog: deps.catalog,
    auth: deps.auth,
    store,
    logger: deps.logger.child({ task: MARKETPLACE_INDEX_TASK_ID }),
  });
  await deps.scheduler.scheduleTask({
    id: MARKETPLACE_INDEX_TASK_ID,
    ...schedule,
    fn: async signal => {
      await indexer.run(signal);
    },
  });
  const router = await createMarketplaceRouter({
    query: new MarketplaceQuery(store.db),
    store,
    httpAuth: deps.httpAuth,
    permissions: deps.permissions,
  });
  return { router, indexer };
}
