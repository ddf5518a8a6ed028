import {
  coreServices,
  createServiceFactory,
  type SchedulerService,
  type ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleDataMesh from '@datamesh/plugin-catalog-backend-module-data-mesh';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import { resolve } from 'path';
import request from 'supertest';
import { GOVERNANCE_TASK_ID } from '../../governance';
import { dataMarketplacePlugin } from '../../plugin';

/** The repository's demo catalog (Premium Offices), read from its files as they are. */
const demoCatalog = resolve(__dirname, '../../../../../catalog-info/all.yaml');

export type Server = Parameters<typeof request>[0];

type TestScheduler = SchedulerService & {
  factory(options: { skipTaskRunOnStartup: boolean }): ServiceFactory;
  waitForTask(id: string): Promise<void>;
};

/** The catalog's config: the demo mesh, with the kinds it holds allowed. */
export function demoCatalogConfig(
  catalogProcessingInterval?: JsonObject,
): JsonObject {
  return {
    rules: [
      {
        allow: [
          'DataProduct',
          'Domain',
          'API',
          'Group',
          'User',
          'Location',
          'Component',
          'System',
        ],
      },
    ],
    locations: [{ type: 'file', target: demoCatalog }],
    ...(catalogProcessingInterval
      ? { processingInterval: catalogProcessingInterval }
      : {}),
  };
}

function configData(
  policies: JsonObject[],
  catalogProcessingInterval?: JsonObject,
): JsonObject {
  return {
    catalog: demoCatalogConfig(catalogProcessingInterval),
    datamesh: { governance: { policies } },
  };
}

/**
 * The plugin in a backend with the real catalog and the data-mesh catalog module reading the
 * demo mesh. The scheduler is the test's: `evaluate()` runs the governance task once, as a
 * tick of the real scheduler would, and fails if the run fails. `setPolicies` changes the
 * config as a portal that watches its config files would see it.
 */
export async function startMarketplaceBackend(options: {
  /** The data-marketplace plugin's database. */
  knex: Knex;
  /** The catalog's database (kept apart: both plugins run migrations). */
  catalogKnex: Knex;
  policies: JsonObject[];
  /** How often the catalog reprocesses entities; its default when not given. */
  catalogProcessingInterval?: JsonObject;
}) {
  // The mock scheduler runs a task when told to, and says when it is done; its type is
  // not exported, hence the cast.
  const scheduler = mockServices.scheduler() as TestScheduler;
  const config = mockServices.rootConfig({
    data: configData(options.policies, options.catalogProcessingInterval),
  });
  const backend = await startTestBackend({
    features: [
      dataMarketplacePlugin,
      catalogPlugin,
      catalogModuleDataMesh,
      scheduler.factory({ skipTaskRunOnStartup: true }),
      // A request without a token is unauthenticated, as in a real backend.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      createServiceFactory({
        service: coreServices.rootConfig,
        deps: {},
        factory: () => config,
      }),
      createServiceFactory({
        service: coreServices.database,
        deps: { plugin: coreServices.pluginMetadata },
        factory: ({ plugin }) =>
          mockServices.database({
            knex:
              plugin.getId() === 'data-marketplace'
                ? options.knex
                : options.catalogKnex,
          }),
      }),
    ],
  });

  /** Runs a scheduled task once, as a tick of the real scheduler would. */
  const runTask = async (id: string) => {
    const done = scheduler.waitForTask(id);
    await scheduler.triggerTask(id);
    await done;
  };

  return {
    server: backend.server as Server,
    runTask,
    evaluate: () => runTask(GOVERNANCE_TASK_ID),
    setPolicies(policies: JsonObject[]) {
      config.update({
        data: configData(policies, options.catalogProcessingInterval),
      });
    },
    stop: () => backend.stop(),
  };
}

/** Waits until the catalog holds `count` entities of the kind. */
export async function waitForCatalog(
  server: Server,
  filter: string,
  count: number,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await request(server)
      .get(`/api/catalog/entities?filter=${filter}&fields=metadata.name`)
      .set('Authorization', mockCredentials.user.header());
    if (res.status === 200 && res.body.length >= count) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`The catalog did not reach ${count} of ${filter}`);
    }
    await new Promise(r => setTimeout(r, 200));
  }
}
