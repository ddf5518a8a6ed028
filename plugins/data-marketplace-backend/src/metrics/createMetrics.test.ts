import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  type SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import catalogModuleDataMesh from '@datamesh/plugin-catalog-backend-module-data-mesh';
import { ANNOTATION_LISTED_AT } from '@datamesh/plugin-data-mesh-common';
import { resolve } from 'path';
import request from 'supertest';
import { createTestDatabases } from './__testUtils__/databases';
import {
  createFakeSources,
  fakeDataAccessPlugin,
  fakeScaffolderPlugin,
  type FakeSources,
} from './__testUtils__/fakeSources';
import { DEFAULT_CREATE_TEMPLATES } from './config';
import { createMetrics } from './createMetrics';
import { METRICS_TASK_ID } from './MetricsCollector';

/**
 * The mesh metrics wired as plugin.ts wires them (createMetrics), in a backend with the
 * real catalog and the data-mesh catalog module reading __testUtils__/mesh.yaml: the
 * collection is scheduled, runs on the scheduler's trigger, reads the catalog's real
 * entities (listed-at, domain, version) and the routes serve what it recorded.
 */

jest.setTimeout(120_000);

const databases = createTestDatabases();
const TENANCY = 'dataproduct:default/tenancy-analytics';
const BROKERAGE = 'domain:default/brokerage';
const HOUR = 3_600_000;

type Server = Parameters<typeof request>[0];

/** Waits until the catalog lists the entity, and returns it. */
async function waitForEntity(server: Server, path: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await request(server)
      .get(`/api/catalog/entities/by-name/${path}`)
      .set('Authorization', mockCredentials.user.header());
    if (
      res.status === 200 &&
      res.body.metadata.annotations?.[ANNOTATION_LISTED_AT]
    ) {
      return res.body;
    }
    if (Date.now() > deadline) {
      throw new Error(`${path} did not appear in the catalog`);
    }
    await new Promise(r => setTimeout(r, 200));
  }
}

describe.each(databases.eachSupportedId())(
  'the mesh metrics wired in a backend on %s',
  databaseId => {
    let sources: FakeSources;
    let scheduler: SchedulerService;
    let backend: Awaited<ReturnType<typeof startTestBackend>>;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const catalogKnex = await databases.init('SQLITE_3');
      sources = createFakeSources();
      const marketplace = createBackendPlugin({
        pluginId: 'data-marketplace',
        register(env) {
          env.registerInit({
            deps: {
              config: coreServices.rootConfig,
              logger: coreServices.logger,
              database: coreServices.database,
              scheduler: coreServices.scheduler,
              catalog: catalogServiceRef,
              auth: coreServices.auth,
              discovery: coreServices.discovery,
              httpAuth: coreServices.httpAuth,
              httpRouter: coreServices.httpRouter,
            },
            async init({ httpRouter, ...deps }) {
              scheduler = deps.scheduler;
              const { router } = await createMetrics(deps);
              httpRouter.use(router);
            },
          });
        },
      });
      backend = await startTestBackend({
        features: [
          marketplace,
          catalogPlugin,
          catalogModuleDataMesh,
          fakeScaffolderPlugin(sources),
          fakeDataAccessPlugin(sources),
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          createServiceFactory({
            service: coreServices.database,
            deps: { plugin: coreServices.pluginMetadata },
            factory: ({ plugin }) =>
              mockServices.database({
                knex: plugin.getId() === 'catalog' ? catalogKnex : knex,
              }),
          }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [
                  { allow: ['Group', 'Domain', 'DataProduct', 'Location'] },
                ],
                locations: [
                  {
                    type: 'file',
                    target: resolve(__dirname, '__testUtils__/mesh.yaml'),
                  },
                ],
              },
              dataMarketplace: {
                metrics: { schedule: { frequency: { minutes: 10 } } },
              },
            },
          }),
        ],
      });
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('schedules the collection, collects from the real catalog when it runs, and serves the result', async () => {
      expect(await scheduler.getScheduledTasks()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: METRICS_TASK_ID, scope: 'global' }),
        ]),
      );

      const tenancy = await waitForEntity(
        backend.server,
        'dataproduct/default/tenancy-analytics',
      );
      await waitForEntity(backend.server, 'dataproduct/default/entity-ratings');
      const listedAt = tenancy.metadata.annotations[ANNOTATION_LISTED_AT];
      // The template ran two hours before the catalog listed the product; a request made
      // just after was approved an hour later and granted half an hour after that.
      const at = (hours: number) =>
        new Date(Date.parse(listedAt) + hours * HOUR).toISOString();
      sources.tasks = [
        {
          id: 'create-1',
          templateRef: DEFAULT_CREATE_TEMPLATES[0],
          createdAt: at(-2),
          parameters: { name: 'tenancy-analytics' },
        },
      ];
      sources.requests = [
        {
          id: 'r1',
          dataProduct: TENANCY,
          consumer: 'group:default/credit-risk',
          state: 'granted',
          createdAt: at(0),
          decidedAt: at(1),
          decision: 'approved',
          grantedAt: at(1.5),
        },
      ];

      await scheduler.triggerTask(METRICS_TASK_ID);

      const res = await request(backend.server)
        .get('/api/data-marketplace/metrics/summary')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.body.reuse).toMatchObject({
        // Tenancy has one consumer, Entity ratings none.
        overall: {
          products: 2,
          productsWithoutConsumer: 1,
          shareWithoutConsumer: 0.5,
        },
        byDomain: [{ domain: BROKERAGE, products: 2 }],
      });
      expect(res.body.cycles).toEqual([
        expect.objectContaining({
          cycle: 1,
          hours: { count: 1, median: 2, p90: 2 },
          byDomain: [
            { domain: BROKERAGE, hours: { count: 1, median: 2, p90: 2 } },
          ],
        }),
        // Both products were first seen at their current version: no update yet.
        expect.objectContaining({
          cycle: 2,
          hours: { count: 0, median: null, p90: null },
        }),
        expect.objectContaining({
          cycle: 3,
          hours: { count: 1, median: 1.5, p90: 1.5 },
          decisionHours: { count: 1, median: 1, p90: 1 },
          deliveryHours: { count: 1, median: 0.5, p90: 0.5 },
        }),
      ]);

      const csv = await request(backend.server)
        .get('/api/data-marketplace/metrics/export?format=csv&cycle=1')
        .set('Authorization', mockCredentials.service.header());
      expect(csv.text).toContain(
        `1,${TENANCY},${TENANCY},${BROKERAGE},,${at(
          -2,
        )},,${listedAt},2,,,create-1`,
      );
    });
  },
);
