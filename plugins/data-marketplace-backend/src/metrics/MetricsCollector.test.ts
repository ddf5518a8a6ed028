import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type { Knex } from 'knex';
import { createTestDatabases } from './__testUtils__/databases';
import {
  createFakeSources,
  dataProduct,
  fakeCatalogFactory,
  fakeDataAccessPlugin,
  fakeScaffolderPlugin,
  type FakeCatalog,
  type FakeSources,
} from './__testUtils__/fakeSources';
import { DEFAULT_CREATE_TEMPLATES, DEFAULT_EVOLVE_TEMPLATES } from './config';
import { DatabaseMetricsStore } from './DatabaseMetricsStore';
import { MetricsCollector } from './MetricsCollector';

/**
 * The collector in a backend, over several runs, on the real store (each database engine),
 * reading stand-ins of the catalog, the scaffolder and the data-access plugin over HTTP
 * with its own service token. The clock is held still so every time is known.
 */

jest.setTimeout(60_000);

const databases = createTestDatabases();
const TENANCY = 'dataproduct:default/tenancy-analytics';
const BROKERAGE = 'domain:default/brokerage';
const CREATE = DEFAULT_CREATE_TEMPLATES[0];
const EVOLVE = DEFAULT_EVOLVE_TEMPLATES[0];

describe.each(databases.eachSupportedId())(
  'MetricsCollector on %s',
  databaseId => {
    let knex: Knex;
    let sources: FakeSources;
    let catalog: FakeCatalog;
    let clock: Date;
    let collector: MetricsCollector;
    let store: DatabaseMetricsStore;
    let logger: ReturnType<typeof mockServices.logger.mock>;
    let backend: Awaited<ReturnType<typeof startTestBackend>>;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      sources = createFakeSources();
      catalog = { entities: [], down: false };
      logger = mockServices.logger.mock();
      const marketplace = createBackendPlugin({
        pluginId: 'data-marketplace',
        register(env) {
          env.registerInit({
            deps: {
              database: coreServices.database,
              auth: coreServices.auth,
              discovery: coreServices.discovery,
              catalog: catalogServiceRef,
            },
            async init(deps) {
              store = await DatabaseMetricsStore.create({
                database: deps.database,
              });
              collector = new MetricsCollector({
                store,
                catalog: deps.catalog,
                auth: deps.auth,
                discovery: deps.discovery,
                logger,
                settings: {
                  createTemplates: DEFAULT_CREATE_TEMPLATES,
                  evolveTemplates: DEFAULT_EVOLVE_TEMPLATES,
                  lookbackDays: 30,
                },
                now: () => clock,
              });
            },
          });
        },
      });
      backend = await startTestBackend({
        features: [
          marketplace,
          fakeScaffolderPlugin(sources),
          fakeDataAccessPlugin(sources),
          fakeCatalogFactory(catalog),
          mockServices.database.factory({ knex }),
        ],
      });
    });

    afterEach(async () => {
      await backend?.stop();
    });

    it('records each cycle once, from the runs, versions and requests it reads over time', async () => {
      // 2 Nov: Tenancy analytics was created from the template (08:00) and listed at 12:00.
      // Entity ratings was registered by hand: no Cycle 1 for it.
      clock = new Date('2026-11-02T12:05:00Z');
      catalog.entities = [
        dataProduct(
          'tenancy-analytics',
          { domain: 'brokerage', version: '1.0.0' },
          '2026-11-02T12:00:00Z',
        ),
        dataProduct(
          'entity-ratings',
          { domain: 'brokerage', version: '2.0.0' },
          '2026-10-01T00:00:00Z',
        ),
      ];
      sources.tasks = [
        {
          id: 'create-1',
          templateRef: CREATE,
          createdAt: '2026-11-02T08:00:00.000Z',
          parameters: {
            name: 'tenancy-analytics',
            domain: 'domain:default/brokerage',
          },
        },
        // Older than the lookback (30 days): ignored.
        {
          id: 'ancient',
          templateRef: CREATE,
          createdAt: '2026-09-01T00:00:00.000Z',
          parameters: { name: 'entity-ratings' },
        },
      ];
      sources.requests = [
        {
          id: 'r1',
          dataProduct: TENANCY,
          consumer: 'group:default/credit-risk',
          state: 'granted',
          createdAt: '2026-11-02T12:30:00.000Z',
          decidedAt: '2026-11-02T13:00:00.000Z',
          decision: 'approved',
          provisioningAt: '2026-11-02T13:00:01.000Z',
          grantedAt: '2026-11-02T15:30:00.000Z',
        },
        {
          id: 'r2',
          dataProduct: TENANCY,
          consumer: 'user:default/sofia.rossi',
          state: 'submitted',
          createdAt: '2026-11-02T14:00:00.000Z',
        },
      ];

      expect(await collector.collect()).toEqual({
        products: 2,
        recorded: { 1: 1, 2: 0, 3: 1 },
        skipped: [],
      });
      expect(await store.listCycleEvents()).toEqual([
        {
          cycle: 1,
          eventKey: TENANCY,
          productRef: TENANCY,
          domain: BROKERAGE,
          startedAt: '2026-11-02T08:00:00.000Z',
          endedAt: '2026-11-02T12:00:00.000Z',
          sourceRef: 'create-1',
        },
        {
          cycle: 3,
          eventKey: 'r1',
          productRef: TENANCY,
          domain: BROKERAGE,
          startedAt: '2026-11-02T12:30:00.000Z',
          decidedAt: '2026-11-02T13:00:00.000Z',
          endedAt: '2026-11-02T15:30:00.000Z',
        },
      ]);
      expect(await store.listReuseSnapshots()).toEqual([
        {
          day: '2026-11-02',
          productRef: 'dataproduct:default/entity-ratings',
          domain: BROKERAGE,
          consumers: 0,
        },
        {
          day: '2026-11-02',
          productRef: TENANCY,
          domain: BROKERAGE,
          consumers: 1,
        },
      ]);

      // 10 Nov: an evolve run asked for 1.1.0 at 09:00; the scaffolder is down when the
      // collector first sees 1.1.0 in the catalog, and r2 has been granted meanwhile.
      clock = new Date('2026-11-10T12:05:00Z');
      catalog.entities[0] = dataProduct(
        'tenancy-analytics',
        { domain: 'brokerage', version: '1.1.0' },
        '2026-11-02T12:00:00Z',
      );
      sources.tasks.push({
        id: 'evolve-1',
        templateRef: EVOLVE,
        createdAt: '2026-11-10T09:00:00.000Z',
        parameters: { product: TENANCY, version: '1.1.0' },
      });
      Object.assign(sources.requests[1], {
        state: 'granted',
        decidedAt: '2026-11-03T09:00:00.000Z',
        decision: 'approved',
        grantedAt: '2026-11-03T10:00:00.000Z',
      });
      sources.down.scaffolder = true;

      expect(await collector.collect()).toEqual({
        products: 2,
        recorded: { 1: 0, 2: 0, 3: 1 },
        skipped: ['scaffolder'],
      });
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /could not read the scaffolder, skipped until the next run: .*503/,
        ),
      );

      // Five minutes later the scaffolder answers: Cycle 2 ends when 1.1.0 was first seen,
      // by the earlier run, not now. Nothing was lost.
      clock = new Date('2026-11-10T12:10:00Z');
      sources.down.scaffolder = false;
      expect(await collector.collect()).toEqual({
        products: 2,
        recorded: { 1: 0, 2: 1, 3: 0 },
        skipped: [],
      });
      expect(await store.listCycleEvents({ cycle: 2 })).toEqual([
        {
          cycle: 2,
          eventKey: `${TENANCY}@1.1.0`,
          productRef: TENANCY,
          domain: BROKERAGE,
          version: '1.1.0',
          startedAt: '2026-11-10T09:00:00.000Z',
          endedAt: '2026-11-10T12:05:00.000Z',
          sourceRef: 'evolve-1',
        },
      ]);
      expect(
        (await store.listReuseSnapshots({ fromDay: '2026-11-10' })).map(
          r => r.consumers,
        ),
      ).toEqual([0, 2]);

      // Collecting again changes nothing.
      expect((await collector.collect()).recorded).toEqual({
        1: 0,
        2: 0,
        3: 0,
      });
      expect(await store.listCycleEvents()).toHaveLength(4);

      // It read the scaffolder newest first and stopped at the lookback.
      expect(
        sources.calls.filter(c => c.pluginId === 'scaffolder').map(c => c.path),
      ).toContain('/v2/tasks?order=desc:created_at&limit=100&offset=0');
    });

    it('skips the whole run while the catalog is down, since domains and versions come from it', async () => {
      clock = new Date('2026-11-02T12:05:00Z');
      catalog.down = true;
      sources.requests = [
        {
          id: 'r1',
          dataProduct: TENANCY,
          consumer: 'group:default/credit-risk',
          state: 'granted',
          createdAt: '2026-11-02T12:30:00.000Z',
          grantedAt: '2026-11-02T15:30:00.000Z',
        },
      ];
      expect(await collector.collect()).toEqual({
        products: 0,
        recorded: { 1: 0, 2: 0, 3: 0 },
        skipped: ['catalog'],
      });
      expect(await store.listCycleEvents()).toEqual([]);

      catalog.down = false;
      catalog.entities = [
        dataProduct(
          'tenancy-analytics',
          { domain: 'brokerage', version: '1.0.0' },
          '2026-11-02T12:00:00Z',
        ),
      ];
      expect((await collector.collect()).recorded[3]).toBe(1);
      expect((await store.listCycleEvents())[0].domain).toBe(BROKERAGE);
    });

    it('keeps the reuse snapshot of the last run that reached the data-access plugin', async () => {
      clock = new Date('2026-11-02T12:05:00Z');
      catalog.entities = [
        dataProduct(
          'tenancy-analytics',
          { domain: 'brokerage' },
          '2026-11-02T12:00:00Z',
        ),
      ];
      sources.requests = [
        {
          id: 'r1',
          dataProduct: TENANCY,
          consumer: 'group:default/credit-risk',
          state: 'granted',
          createdAt: '2026-11-02T12:30:00.000Z',
          grantedAt: '2026-11-02T15:30:00.000Z',
        },
      ];
      await collector.collect();
      sources.down.dataAccess = true;
      expect((await collector.collect()).skipped).toEqual(['data-access']);
      expect(await store.listReuseSnapshots()).toEqual([
        {
          day: '2026-11-02',
          productRef: TENANCY,
          domain: BROKERAGE,
          consumers: 1,
        },
      ]);
    });

    it('follows the data-access cursor through every page', async () => {
      clock = new Date('2026-11-30T00:00:00Z');
      catalog.entities = [
        dataProduct(
          'tenancy-analytics',
          { domain: 'brokerage' },
          '2026-11-02T12:00:00Z',
        ),
      ];
      sources.requests = Array.from({ length: 1203 }, (_, i) => ({
        id: `r${i}`,
        dataProduct: TENANCY,
        consumer: `user:default/u${i % 7}`,
        state: 'granted',
        createdAt: '2026-11-03T00:00:00.000Z',
        grantedAt: '2026-11-03T01:00:00.000Z',
      }));
      expect((await collector.collect()).recorded[3]).toBe(1203);
      expect(
        sources.calls.filter(c => c.pluginId === 'data-access'),
      ).toHaveLength(3);
      expect((await store.listReuseSnapshots())[0].consumers).toBe(7);
    });
  },
);
