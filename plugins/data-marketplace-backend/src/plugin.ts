import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { DatabaseGovernanceStore } from './database';
import {
  GOVERNANCE_TASK_ID,
  GovernanceEvaluator,
  MeshPolicies,
  readGovernanceSchedule,
} from './governance';
import { createMetrics } from './metrics';
import { createMarketplaceSearch } from './search';
import { createGovernanceRouter } from './service/router';

/**
 * The data marketplace's backend: computational governance (every data product evaluated
 * against the mesh-wide and domain policies, continuously, results served by an API), mesh
 * metrics (reuse and the three cycle times, collected on a schedule) and the marketplace's
 * own query index (fed from the catalog on a schedule, served by an API).
 */
export const dataMarketplacePlugin = createBackendPlugin({
  pluginId: 'data-marketplace',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
      },
      async init({ config, logger, database, scheduler, ...deps }) {
        // Invalid policies or schedule stop the backend here, naming the config path.
        const policies = MeshPolicies.fromConfig(config, logger);
        const schedule = readGovernanceSchedule(config);
        const store = await DatabaseGovernanceStore.create({ database });

        const evaluator = new GovernanceEvaluator({
          catalog: deps.catalog,
          auth: deps.auth,
          store,
          policies,
          logger,
        });
        // The scheduler runs it once per tick across all replicas.
        await scheduler.scheduleTask({
          id: GOVERNANCE_TASK_ID,
          ...schedule,
          fn: async () => {
            await evaluator.run();
          },
        });

        deps.httpRouter.use(
          await createGovernanceRouter({
            store,
            policies,
            httpAuth: deps.httpAuth,
          }),
        );

        const metrics = await createMetrics({
          config,
          logger,
          database,
          scheduler,
          catalog: deps.catalog,
          auth: deps.auth,
          discovery: deps.discovery,
          httpAuth: deps.httpAuth,
        });
        deps.httpRouter.use(metrics.router);

        const search = await createMarketplaceSearch({
          config,
          logger,
          database,
          scheduler,
          catalog: deps.catalog,
          auth: deps.auth,
          httpAuth: deps.httpAuth,
          permissions: deps.permissions,
        });
        deps.httpRouter.use(search.router);
      },
    });
  },
});
