import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from './__testUtils__/databases';
import {
  ASSET,
  BROKERAGE,
  seededEvents,
  seededReuse,
} from './__testUtils__/seededHistory';
import { DatabaseMetricsStore } from './DatabaseMetricsStore';
import { createMetricsRouter } from './router';

/**
 * The metrics API in a backend, on the real store (each database engine) seeded with the
 * history of __testUtils__/seededHistory.ts. Every expected number is worked out by hand
 * from that history in the comments; lead times are in hours.
 */

jest.setTimeout(60_000);

const databases = createTestDatabases();
type Server = Parameters<typeof request>[0];

/** A product whose version a spreadsheet would take for a formula, with a comma and quotes. */
const trickyEvent = {
  cycle: 2 as const,
  eventKey: 'dataproduct:default/leases@=1,"2"',
  productRef: 'dataproduct:default/leases',
  domain: ASSET,
  version: '=1,"2"',
  startedAt: '2026-12-01T00:00:00.000Z',
  endedAt: '2026-12-01T01:30:00.000Z',
  sourceRef: 'task-9',
};

describe.each(databases.eachSupportedId())(
  'the metrics API on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let server: Server;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const plugin = createBackendPlugin({
        pluginId: 'data-marketplace',
        register(env) {
          env.registerInit({
            deps: {
              database: coreServices.database,
              httpRouter: coreServices.httpRouter,
              httpAuth: coreServices.httpAuth,
            },
            async init({ database, httpRouter, httpAuth }) {
              const store = await DatabaseMetricsStore.create({ database });
              await store.addCycleEvents([...seededEvents, trickyEvent]);
              for (const day of new Set(seededReuse.map(row => row.day))) {
                await store.saveReuseSnapshot(
                  day,
                  seededReuse.filter(row => row.day === day),
                );
              }
              httpRouter.use(
                await createMetricsRouter({
                  store,
                  httpAuth,
                  now: () => new Date('2026-11-21T10:00:00Z'),
                }),
              );
            },
          });
        },
      });
      backend = await startTestBackend({
        features: [
          plugin,
          mockServices.database.factory({ knex }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      });
      server = backend.server;
    });

    afterAll(async () => {
      await backend?.stop();
    });

    const get = (path: string, header = mockCredentials.user.header()) =>
      request(server)
        .get(`/api/data-marketplace${path}`)
        .set('Authorization', header);

    describe('GET /metrics/summary', () => {
      it('gives reuse and each cycle’s median and p90, overall and per domain, for November', async () => {
        const res = await get('/metrics/summary?from=2026-11-01&to=2026-12-01');
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          from: '2026-11-01T00:00:00.000Z',
          to: '2026-12-01T00:00:00.000Z',
          domain: null,
          reuse: {
            // Latest snapshot in the window, 2026-11-20: consumers [3, 0, 1, 0].
            // 2 of 4 without a consumer; mean 4 / 4 = 1; median (0 + 1) / 2 = 0.5;
            // p90 rank ceil(3.6) = 4 -> 3.
            day: '2026-11-20',
            overall: {
              products: 4,
              productsWithoutConsumer: 2,
              shareWithoutConsumer: 0.5,
              consumersPerProduct: { mean: 1, median: 0.5, p90: 3 },
            },
            byDomain: [
              {
                // Asset [1, 0]: mean 0.5, median 0.5, p90 rank 2 -> 1.
                domain: ASSET,
                products: 2,
                productsWithoutConsumer: 1,
                shareWithoutConsumer: 0.5,
                consumersPerProduct: { mean: 0.5, median: 0.5, p90: 1 },
              },
              {
                // Brokerage [3, 0]: mean 1.5, median 1.5, p90 3.
                domain: BROKERAGE,
                products: 2,
                productsWithoutConsumer: 1,
                shareWithoutConsumer: 0.5,
                consumersPerProduct: { mean: 1.5, median: 1.5, p90: 3 },
              },
            ],
          },
          cycles: [
            {
              // [2, 6, 30]: median 6, p90 rank ceil(2.7) = 3 -> 30.
              cycle: 1,
              name: 'creating a product',
              hours: { count: 3, median: 6, p90: 30 },
              byDomain: [
                { domain: ASSET, hours: { count: 1, median: 30, p90: 30 } },
                // [2, 6]: median 4, p90 rank ceil(1.8) = 2 -> 6.
                { domain: BROKERAGE, hours: { count: 2, median: 4, p90: 6 } },
              ],
            },
            {
              // [5]; the tricky event ended in December, outside the window.
              cycle: 2,
              name: 'updating a product',
              hours: { count: 1, median: 5, p90: 5 },
              byDomain: [
                { domain: BROKERAGE, hours: { count: 1, median: 5, p90: 5 } },
              ],
            },
            {
              // November only (the 100 h request ended in October): [4, 10, 12, 30] ->
              // median (10 + 12) / 2 = 11, p90 rank ceil(3.6) = 4 -> 30.
              // Decision [1, 2, 10, 24] -> median 6, p90 24.
              // Delivery [3, 8, 2, 6] = sorted [2, 3, 6, 8] -> median 4.5, p90 8.
              cycle: 3,
              name: 'consuming a product',
              hours: { count: 4, median: 11, p90: 30 },
              decisionHours: { count: 4, median: 6, p90: 24 },
              deliveryHours: { count: 4, median: 4.5, p90: 8 },
              byDomain: [
                {
                  domain: ASSET,
                  hours: { count: 1, median: 12, p90: 12 },
                  decisionHours: { count: 1, median: 10, p90: 10 },
                  deliveryHours: { count: 1, median: 2, p90: 2 },
                },
                {
                  // [4, 10, 30]; decision [1, 2, 24]; delivery [3, 8, 6] = [3, 6, 8].
                  domain: BROKERAGE,
                  hours: { count: 3, median: 10, p90: 30 },
                  decisionHours: { count: 3, median: 2, p90: 24 },
                  deliveryHours: { count: 3, median: 6, p90: 8 },
                },
              ],
            },
          ],
        });
      });

      it('counts all history without a window, and one domain when asked', async () => {
        const all = await get('/metrics/summary');
        // Cycle 3 with October's 100 h: [4, 10, 12, 30, 100] -> median 12, p90 rank 5 -> 100.
        expect(all.body.cycles[2].hours).toEqual({
          count: 5,
          median: 12,
          p90: 100,
        });

        const brokerage = await get(
          '/metrics/summary?domain=brokerage&to=2026-11-30',
        );
        expect(brokerage.body.domain).toBe(BROKERAGE);
        expect(brokerage.body.reuse.overall.products).toBe(2);
        // Brokerage cycle 3 with October: [4, 10, 30, 100] -> median 20, p90 100.
        expect(brokerage.body.cycles[2].hours).toEqual({
          count: 4,
          median: 20,
          p90: 100,
        });
        expect(
          brokerage.body.cycles.flatMap((c: any) =>
            c.byDomain.map((d: any) => d.domain),
          ),
        ).toEqual([BROKERAGE, BROKERAGE, BROKERAGE]);
      });

      it('gives empty numbers, not errors, for a window with no history', async () => {
        const res = await get('/metrics/summary?from=2020-01-01&to=2020-02-01');
        expect(res.status).toBe(200);
        expect(res.body.reuse.day).toBeNull();
        expect(res.body.reuse.overall.shareWithoutConsumer).toBeNull();
        expect(res.body.cycles[2]).toEqual({
          cycle: 3,
          name: 'consuming a product',
          hours: { count: 0, median: null, p90: null },
          decisionHours: { count: 0, median: null, p90: null },
          deliveryHours: { count: 0, median: null, p90: null },
          byDomain: [],
        });
      });
    });

    describe('GET /metrics/timeseries', () => {
      it('gives a cycle per month, overall and per domain on the same months', async () => {
        const res = await get('/metrics/timeseries?cycle=3&period=month');
        expect(res.status).toBe(200);
        const empty = { count: 0, median: null, p90: null };
        expect(res.body).toEqual({
          cycle: 3,
          period: 'month',
          from: null,
          to: null,
          domain: null,
          overall: [
            {
              // October: the one 100 h request, 28 h to decide, 72 h to deliver.
              period: '2026-10',
              start: '2026-10-01',
              hours: { count: 1, median: 100, p90: 100 },
              decisionHours: { count: 1, median: 28, p90: 28 },
              deliveryHours: { count: 1, median: 72, p90: 72 },
            },
            {
              period: '2026-11',
              start: '2026-11-01',
              hours: { count: 4, median: 11, p90: 30 },
              decisionHours: { count: 4, median: 6, p90: 24 },
              deliveryHours: { count: 4, median: 4.5, p90: 8 },
            },
          ],
          byDomain: [
            {
              domain: ASSET,
              points: [
                {
                  period: '2026-10',
                  start: '2026-10-01',
                  hours: empty,
                  decisionHours: empty,
                  deliveryHours: empty,
                },
                {
                  period: '2026-11',
                  start: '2026-11-01',
                  hours: { count: 1, median: 12, p90: 12 },
                  decisionHours: { count: 1, median: 10, p90: 10 },
                  deliveryHours: { count: 1, median: 2, p90: 2 },
                },
              ],
            },
            {
              domain: BROKERAGE,
              points: [
                expect.objectContaining({
                  period: '2026-10',
                  hours: { count: 1, median: 100, p90: 100 },
                }),
                expect.objectContaining({
                  period: '2026-11',
                  hours: { count: 3, median: 10, p90: 30 },
                }),
              ],
            },
          ],
        });
      });

      it('gives a cycle per ISO week', async () => {
        const res = await get('/metrics/timeseries?cycle=1&period=week');
        // Ends 11-02 and 11-03 in W45 ([2, 6]: median 4, p90 6), 11-10 in W46 ([30]).
        expect(res.body.overall).toEqual([
          {
            period: '2026-W45',
            start: '2026-11-02',
            hours: { count: 2, median: 4, p90: 6 },
          },
          {
            period: '2026-W46',
            start: '2026-11-09',
            hours: { count: 1, median: 30, p90: 30 },
          },
        ]);
      });

      it('gives reuse per month, each month by its last snapshot', async () => {
        const res = await get(
          '/metrics/reuse/timeseries?period=month&domain=domain:default/brokerage',
        );
        expect(res.status).toBe(200);
        // Brokerage in November, as of the 20th: [3, 0].
        expect(res.body.overall).toEqual([
          {
            period: '2026-11',
            start: '2026-11-01',
            day: '2026-11-20',
            products: 2,
            productsWithoutConsumer: 1,
            shareWithoutConsumer: 0.5,
            consumersPerProduct: { mean: 1.5, median: 1.5, p90: 3 },
          },
        ]);
      });
    });

    describe('GET /metrics/export', () => {
      it('gives the raw events as CSV with a header row, escaped, as a file', async () => {
        const res = await get('/metrics/export?format=csv&cycle=2');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(res.headers['content-disposition']).toBe(
          'attachment; filename="mesh-metrics-2026-11-21.csv"',
        );
        expect(res.text.split('\r\n')).toEqual([
          'cycle,eventKey,productRef,domain,version,startedAt,decidedAt,endedAt,hours,decisionHours,deliveryHours,sourceRef',
          '2,dataproduct:default/tenancy-analytics@1.1.0,dataproduct:default/tenancy-analytics,domain:default/brokerage,1.1.0,2026-11-12T05:00:00.000Z,,2026-11-12T10:00:00.000Z,5,,,task-4',
          // The comma and quotes are quoted, and the leading = cannot start a formula.
          `2,"dataproduct:default/leases@=1,""2""",dataproduct:default/leases,domain:default/asset,"'=1,""2""",2026-12-01T00:00:00.000Z,,2026-12-01T01:30:00.000Z,1.5,,,task-9`,
          '',
        ]);
      });

      it('gives the raw events as JSON, with their lead times', async () => {
        const res = await get(
          '/metrics/export?format=json&cycle=3&domain=asset',
        );
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.headers['content-disposition']).toBe(
          'attachment; filename="mesh-metrics-2026-11-21.json"',
        );
        expect(res.body).toEqual({
          items: [
            {
              cycle: 3,
              eventKey: 'request-4',
              productRef: 'dataproduct:default/office-portfolio',
              domain: ASSET,
              version: null,
              startedAt: '2026-11-13T00:00:00.000Z',
              decidedAt: '2026-11-13T10:00:00.000Z',
              endedAt: '2026-11-13T12:00:00.000Z',
              hours: 12,
              decisionHours: 10,
              deliveryHours: 2,
              sourceRef: null,
            },
          ],
        });
      });

      it('defaults to CSV', async () => {
        const res = await get('/metrics/export');
        expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
        // A header and one line per event, and the final line end.
        expect(res.text.split('\r\n')).toHaveLength(
          1 + seededEvents.length + 1 + 1,
        );
      });
    });

    describe('access and validation', () => {
      it.each([
        '/metrics/summary',
        '/metrics/timeseries?cycle=1',
        '/metrics/reuse/timeseries',
        '/metrics/export',
      ])(
        'answers 401 to %s without credentials, and serves users and services',
        async path => {
          expect((await get(path, '')).status).toBe(401);
          expect((await get(path)).status).toBe(200);
          expect(
            (await get(path, mockCredentials.service.header())).status,
          ).toBe(200);
        },
      );

      it.each([
        ['/metrics/timeseries', 'cycle: expected 1, 2 or 3'],
        ['/metrics/timeseries?cycle=4', 'cycle: expected 1, 2 or 3'],
        [
          '/metrics/timeseries?cycle=1&period=day',
          'period: expected week or month',
        ],
        ['/metrics/summary?from=yesterday', 'from: expected a date'],
        ['/metrics/summary?to=2026-11-01T10:00:00', 'to: expected a date'],
        [
          '/metrics/summary?from=2026-11-02&to=2026-11-01',
          'to: must be after from',
        ],
        ['/metrics/summary?domain=', 'domain: expected a domain entity ref'],
        ['/metrics/summary?window=30d', 'window: unknown field'],
        ['/metrics/export?format=xml', 'format: expected csv or json'],
        ['/metrics/reuse/timeseries?cycle=1', 'cycle: unknown field'],
      ])('answers 400 to %s, naming the field', async (path, message) => {
        const res = await get(path);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
      });
    });
  },
);
