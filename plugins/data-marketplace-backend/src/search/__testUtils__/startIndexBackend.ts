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
import type { Knex } from 'knex';
import { resolve } from 'path';
import request from 'supertest';
import { GOVERNANCE_TASK_ID } from '../../governance';
import { dataMarketplacePlugin } from '../../plugin';
import type { Server } from '../../service/__testUtils__/startMarketplaceBackend';
import { MARKETPLACE_INDEX_TASK_ID } from '../MarketplaceIndexer';

/** The repository's demo catalog (Premium Offices), read from its files as they are. */
const demoCatalog = resolve(__dirname, '../../../../../catalog-info/all.yaml');

type TestScheduler = SchedulerService & {
  factory(options: { skipTaskRunOnStartup: boolean }): ServiceFactory;
  waitForTask(id: string): Promise<void>;
};

/**
 * The whole data-marketplace plugin in a backend with the real catalog and the data-mesh
 * catalog module reading the demo mesh. Scheduled tasks run when a test says
 * (`runTask`), as a tick of the real scheduler would. The catalog processes each entity
 * once here: an entity a test deletes is not brought back by its location meanwhile.
 */
export async function startIndexBackend(options: {
  /** The data-marketplace plugin's database. */
  knex: Knex;
  /** The catalog's database (kept apart: both plugins run migrations). */
  catalogKnex: Knex;
}) {
  const scheduler = mockServices.scheduler() as TestScheduler;
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
      mockServices.rootConfig.factory({
        data: {
          catalog: {
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
            processingInterval: { hours: 1 },
          },
          datamesh: {
            governance: {
              policies: [
                {
                  id: 'mesh/classification',
                  type: 'required-fields',
                  severity: 'error',
                  params: { fields: ['spec.classification'] },
                },
              ],
            },
          },
        },
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
  const server = backend.server as Server;

  const runTask = async (id: string) => {
    const done = scheduler.waitForTask(id);
    await scheduler.triggerTask(id);
    await done;
  };

  return {
    server,
    /** One run of the marketplace indexer. */
    index: () => runTask(MARKETPLACE_INDEX_TASK_ID),
    /** One run of the governance evaluation. */
    evaluate: () => runTask(GOVERNANCE_TASK_ID),
    /** Removes an entity from the catalog, as unregistering it would. */
    async removeFromCatalog(kind: string, name: string) {
      const user = mockCredentials.user.header();
      const entity = await request(server)
        .get(`/api/catalog/entities/by-name/${kind}/default/${name}`)
        .set('Authorization', user);
      const res = await request(server)
        .delete(`/api/catalog/entities/by-uid/${entity.body.metadata.uid}`)
        .set('Authorization', user);
      if (res.status !== 204) {
        throw new Error(`Could not remove ${kind} ${name}: ${res.status}`);
      }
    },
    stop: () => backend.stop(),
  };
}
