import {
  coreServices,
  createBackendPlugin,
  type BackstageCredentials,
  type BackstageServicePrincipal,
  type BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import request from 'supertest';
import { createTestDatabases } from './__testUtils__/databases';
import { ASSET, BROKERAGE, ref, seedIndex } from './__testUtils__/seededIndex';
import { MarketplaceIndexStore } from './MarketplaceIndexStore';
import { MarketplaceQuery } from './MarketplaceQuery';
import { createMarketplaceRouter } from './router';
import { WHOLE_CATALOG_READ_REQUIRED } from './WholeCatalogReadGate';

/**
 * GET /marketplace/products in a backend, on the seeded index of seededIndex.ts (SQLite;
 * MarketplaceQuery.test.ts runs the queries on every engine).
 */

jest.setTimeout(60_000);

const OWNER_ONLY = 'user:default/owner-only';
const DENIED = 'user:default/denied';

/** The user a call to the permissions service was made for; undefined for a service. */
function userOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as
    | BackstageUserPrincipal
    | BackstageServicePrincipal;
  return principal.type === 'user' ? principal.userEntityRef : undefined;
}

/**
 * A portal's policy on catalog.entity.read, as the permission backend would decide it:
 * OWNER_ONLY may read only what they own (a conditional decision), DENIED nothing, every
 * other user everything; services are allowed, as the permissions service allows plugins.
 */
function catalogReadDecision(
  credentials: BackstageCredentials,
): PolicyDecision {
  const user = userOf(credentials);
  if (user === OWNER_ONLY) {
    return {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: [OWNER_ONLY] },
      },
    };
  }
  return {
    result: user === DENIED ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
  };
}

const permissions = mockServices.permissions.mock({
  authorizeConditional: async (requests, { credentials }) =>
    requests.map(() => catalogReadDecision(credentials)),
});

/** The calls that asked the policy's decision for a user. */
function decisionsAskedFor(userEntityRef: string) {
  return permissions.authorizeConditional.mock.calls.filter(
    ([, { credentials }]) => userOf(credentials) === userEntityRef,
  );
}

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
            permissions: coreServices.permissions,
          },
          async init({ database, httpRouter, httpAuth, permissions: perms }) {
            const store = await MarketplaceIndexStore.create({ database });
            httpRouter.use(
              await createMarketplaceRouter({
                query: new MarketplaceQuery(store.db),
                store,
                httpAuth,
                permissions: perms,
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
        permissions.factory,
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
    // Asked with the service's own credentials, so a token restricted away from
    // catalog.entity.read would be refused as the catalog refuses it.
    expect(permissions.authorizeConditional).toHaveBeenCalledWith(
      [{ permission: catalogEntityReadPermission }],
      { credentials: mockCredentials.service() },
    );
  });

  describe('with a permission policy on catalog.entity.read', () => {
    it('answers a user the policy lets read every entity, asking with their credentials', async () => {
      const allowed = 'user:default/reads-everything';
      const res = await get('', mockCredentials.user.header(allowed));
      expect(res.status).toBe(200);
      expect(res.body.totalItems).toBe(7);
      expect(decisionsAskedFor(allowed)).toEqual([
        [
          [{ permission: catalogEntityReadPermission }],
          { credentials: mockCredentials.user(allowed) },
        ],
      ]);
    });

    it('answers 403 naming why to a user the policy lets read only some entities', async () => {
      const res = await get(
        '?q=ratings',
        mockCredentials.user.header(OWNER_ONLY),
      );
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        name: 'NotAllowedError',
        message: WHOLE_CATALOG_READ_REQUIRED,
      });
      expect(res.body).not.toHaveProperty('items');
      // Refused before the query is read: the page falls back whatever it asked.
      const invalid = await get(
        '?limit=0',
        mockCredentials.user.header(OWNER_ONLY),
      );
      expect(invalid.status).toBe(403);
    });

    it('answers 403 to a user the policy denies', async () => {
      const res = await get('', mockCredentials.user.header(DENIED));
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(WHOLE_CATALOG_READ_REQUIRED);
    });

    it('asks once for a user’s queries within the cache time, concurrent or not', async () => {
      const user = 'user:default/pages-through';
      const header = mockCredentials.user.header(user);
      const [first, second] = await Promise.all([
        get('?sort=name&limit=3', header),
        get('?sort=name&offset=3&limit=3', header),
      ]);
      const third = await get('?sort=name&offset=6&limit=3', header);
      expect([first.status, second.status, third.status]).toEqual([
        200, 200, 200,
      ]);
      expect(decisionsAskedFor(user)).toHaveLength(1);
    });
  });
});
