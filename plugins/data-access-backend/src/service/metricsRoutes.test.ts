import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import request from 'supertest';
import {
  createStore,
  createTestDatabases,
  newRequest,
} from '../database/__testUtils__/storeTestKit';
import type { DatabaseAccessRequestStore } from '../database/DatabaseAccessRequestStore';
import type { AccessRequestService } from './AccessRequestService';
import { RequestMetricsReader } from './requestMetrics';
import { createRouter } from './router';

/**
 * GET /metrics/requests in a backend, on the plugin's real store and each database engine:
 * the requests are made and moved through their states by the store, as the workflow does,
 * and the route must give back the times the history recorded.
 */

jest.setTimeout(60_000);

const databases = createTestDatabases();
const DECIDER = 'user:default/olivia';
const DELIVERY = 'plugin:data-access';
const RATINGS = 'dataproduct:default/entity-ratings';
const TEAM = 'group:default/credit-risk';

type Server = Parameters<typeof request>[0];

/** The data-access router, with or without the metrics reader, on the given database. */
async function startBackend(knex: Knex, options: { wired: boolean }) {
  const plugin = createBackendPlugin({
    pluginId: 'data-access',
    register(env) {
      env.registerInit({
        deps: {
          database: coreServices.database,
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          auditor: coreServices.auditor,
        },
        async init({ database, httpRouter, httpAuth, auditor }) {
          httpRouter.use(
            await createRouter({
              // The metrics route does not go through the workflow.
              service: {} as AccessRequestService,
              httpAuth,
              auditor,
              purposeCategories: [],
              requestMetrics: options.wired
                ? await RequestMetricsReader.create(database)
                : undefined,
            }),
          );
        },
      });
    },
  });
  return startTestBackend({
    features: [
      plugin,
      mockServices.database.factory({ knex }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
}

describe.each(databases.eachSupportedId())(
  'GET /metrics/requests on %s',
  databaseId => {
    let knex: Knex;
    let store: DatabaseAccessRequestStore;
    let backend: Awaited<ReturnType<typeof startBackend>>;
    let server: Server;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      store = await createStore(knex);
      backend = await startBackend(knex, { wired: true });
      server = backend.server;
    });

    afterAll(async () => {
      await backend?.stop();
    });

    const get = (query: string, header = mockCredentials.service.header()) =>
      request(server)
        .get(`/api/data-access/metrics/requests${query}`)
        .set('Authorization', header);

    /** Moves a request along; each step is a row of its history. */
    async function move(
      id: string,
      steps: Array<[from: string, to: string]>,
    ): Promise<void> {
      for (const [from, to] of steps) {
        await store.transition({
          id,
          from: [from as never],
          to: to as never,
          actor: to === 'approved' || to === 'rejected' ? DECIDER : DELIVERY,
          decision: to === 'approved' || to === 'rejected',
          reason: to === 'rejected' ? 'not for this purpose' : undefined,
        });
      }
    }

    async function allPages(limit: number) {
      const items: Record<string, unknown>[] = [];
      let cursor: string | undefined;
      do {
        const res = await get(
          `?limit=${limit}${
            cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
          }`,
        );
        expect(res.status).toBe(200);
        items.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      return items;
    }

    it('gives every request with the times its history recorded, oldest first, across pages', async () => {
      const submitted = (await store.create(newRequest())).request;
      const granted = (
        await store.create(newRequest({ dataProduct: RATINGS, consumer: TEAM }))
      ).request;
      const rejected = (await store.create(newRequest())).request;
      const revoked = (await store.create(newRequest())).request;
      await move(granted.id, [
        ['submitted', 'approved'],
        ['approved', 'provisioning'],
        ['provisioning', 'granted'],
      ]);
      await move(rejected.id, [['submitted', 'rejected']]);
      await move(revoked.id, [
        ['submitted', 'approved'],
        ['approved', 'provisioning'],
        ['provisioning', 'granted'],
        ['granted', 'revoked'],
      ]);

      const at = async (id: string, state: string) =>
        (await store.history(id)).find(event => event.to === state)?.at;
      const items = await allPages(3);
      // Oldest first by (createdAt, id): requests made in one millisecond go by id.
      const byCreation = (
        a: { createdAt: unknown; id: unknown },
        b: typeof a,
      ) => `${a.createdAt} ${a.id}`.localeCompare(`${b.createdAt} ${b.id}`);

      expect(items).toEqual(
        [
          {
            id: submitted.id,
            dataProduct: submitted.dataProduct,
            consumer: submitted.consumer,
            state: 'submitted',
            createdAt: submitted.createdAt,
          },
          {
            id: granted.id,
            dataProduct: RATINGS,
            consumer: TEAM,
            state: 'granted',
            createdAt: granted.createdAt,
            decidedAt: await at(granted.id, 'approved'),
            decision: 'approved',
            provisioningAt: await at(granted.id, 'provisioning'),
            grantedAt: await at(granted.id, 'granted'),
          },
          {
            id: rejected.id,
            dataProduct: rejected.dataProduct,
            consumer: rejected.consumer,
            state: 'rejected',
            createdAt: rejected.createdAt,
            decidedAt: await at(rejected.id, 'rejected'),
            decision: 'rejected',
          },
          {
            id: revoked.id,
            dataProduct: revoked.dataProduct,
            consumer: revoked.consumer,
            state: 'revoked',
            createdAt: revoked.createdAt,
            decidedAt: await at(revoked.id, 'approved'),
            decision: 'approved',
            provisioningAt: await at(revoked.id, 'provisioning'),
            // A revoked grant was still a grant: Cycle 3 ended when it was given.
            grantedAt: await at(revoked.id, 'granted'),
          },
        ].sort(byCreation),
      );
      expect(await allPages(1)).toEqual(items);
      expect((await get('')).body.nextCursor).toBeUndefined();
    });

    it('serves services only', async () => {
      expect((await get('', '')).status).toBe(401);
      const asUser = await get('', mockCredentials.user.header());
      expect(asUser.status).toBe(403);
      expect((await get('')).status).toBe(200);
    });

    it.each([
      ['?limit=0', 'limit'],
      ['?limit=many', 'limit'],
      ['?limit=501', 'limit'],
      ['?since=2026-01-01', 'since: unknown field'],
      ['?cursor=not-a-cursor', 'Invalid cursor'],
    ])('answers 400 to %s, naming the field', async (query, message) => {
      const res = await get(query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    });

    it('answers 503 where the reader is not wired in', async () => {
      const unwired = await startBackend(knex, { wired: false });
      try {
        const res = await request(unwired.server)
          .get('/api/data-access/metrics/requests')
          .set('Authorization', mockCredentials.service.header());
        expect(res.status).toBe(503);
      } finally {
        await unwired.stop();
      }
    });
  },
);
