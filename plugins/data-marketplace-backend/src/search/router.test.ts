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
import { ASSET, BROKERAGE, ref, seedIndex } from './__testUtils__/seededIndex';
import { MarketplaceIndexStore } from './MarketplaceIndexStore';
import { MarketplaceQuery } from './MarketplaceQuery';
import { createMarketplaceRouter } from './router';

/**
 * GET /marketplace/products in a backend, on the seeded index of seededIndex.ts (SQLite;
 * MarketplaceQuery.test.ts runs the queries on every engine).
 */

jest.setTimeout(60_000);

const databases = createTestDatabases();
type Server = Parameters<typeof request>[0];

describe('GET /marketplace/products', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let server: Server;

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    await seedIndex(knex);
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
            const store = await MarketplaceIndexStore.create({ database });
            httpRouter.use(
              await createMarketplaceRouter({
                query: new MarketplaceQuery(store.db),
                store,
                httpAuth,
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

  const get = (query: string, header = mockCredentials.user.header()) =>
    request(server)
      .get(`/api/data-marketplace/marketplace/products${query}`)
      .set('Authorization', header);

  it('answers a page, the total, every facet and when the index was fed', async () => {
    const res = await get('?q=ratings&sort=relevance&limit=2');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'facets',
      'indexedAt',
      'items',
      'totalItems',
    ]);
    expect(res.body.indexedAt).toBe('2026-11-21T10:00:00.000Z');
    expect(res.body.totalItems).toBe(3);
    expect(
      res.body.items.map((i: { entityRef: string }) => i.entityRef),
    ).toEqual([ref('ratings-feed'), ref('entity-ratings')]);
    expect(res.body.items[0]).toEqual({
      entityRef: ref('ratings-feed'),
      consumerCount: 2,
      governanceStatus: 'passing',
      entity: expect.objectContaining({
        kind: 'DataProduct',
        metadata: expect.objectContaining({ title: 'Ratings feed' }),
      }),
    });
    expect(Object.keys(res.body.facets)).toEqual([
      'domain',
      'owner',
      'type',
      'classification',
      'lifecycle',
      'tag',
      'port',
      'governance',
    ]);
  });

  it('takes a facet repeated, as a comma list, or both; short refs; any case', async () => {
    const repeated = await get('?domain=brokerage&domain=domain:default/asset');
    const listed = await get('?domain=Brokerage,asset');
    expect(repeated.status).toBe(200);
    expect(listed.body).toEqual(repeated.body);
    expect(repeated.body.totalItems).toBe(5);
    expect(
      repeated.body.facets.domain.map((d: { value: string }) => d.value),
    ).toEqual(expect.arrayContaining([ASSET, BROKERAGE]));

    const mixed = await get(
      '?tag=leases,RENT&tag=credit&governance=failing&sort=most-consumed',
    );
    expect(
      mixed.body.items.map((i: { entityRef: string }) => i.entityRef),
    ).toEqual([ref('credit-risk-dashboard'), ref('rent-roll')]);
  });

  it('pages with offset and limit', async () => {
    const res = await get('?sort=name&offset=6&limit=3');
    expect(res.body.totalItems).toBe(7);
    expect(
      res.body.items.map((i: { entityRef: string }) => i.entityRef),
    ).toEqual([ref('tenancy-analytics')]);
  });

  it.each([
    ['?limit=101', 'limit: at most 100'],
    ['?limit=0', 'limit: must be 1 or more'],
    ['?limit=ten', 'limit: expected a number'],
    ['?offset=-1', 'offset: must be 0 or more'],
    ['?offset=1.5', 'offset: expected a whole number'],
    [
      '?sort=popular',
      'sort: expected one of relevance, name, newest, most-consumed',
    ],
    [
      '?governance=green',
      'governance: "green" is not one of passing, warning, failing',
    ],
    [
      '?domain=brokerage,default/',
      'domain: "default/" is not a domain entity ref',
    ],
    ['?q=a&q=b', 'q: expected one search term'],
    [`?q=${'x'.repeat(201)}`, 'q: at most 200 characters'],
    [
      `?tag=${Array.from({ length: 51 }, (_, i) => `t${i}`).join(',')}`,
      'tag: at most 50 values',
    ],
    ['?colour=red', 'colour: unknown field'],
  ])('answers 400 naming the field for %s', async (query, message) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(message);
  });

  it('answers 401 without credentials, and serves services', async () => {
    expect((await get('', mockCredentials.none.header())).status).toBe(401);
    const service = await get('', mockCredentials.service.header());
    expect(service.status).toBe(200);
    expect(service.body.totalItems).toBe(7);
  });
});
