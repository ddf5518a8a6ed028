import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type {
  AccessRequest,
  AccessRequestEvent,
} from '@datamesh/plugin-data-access-common';
import request from 'supertest';
import {
  memberships,
  purposeCategories,
  startDataAccessBackend,
  TEST_DELIVERY_ADAPTER,
} from './__testUtils__/startDataAccessBackend';

/**
 * The data-access API in a real backend: the plugin on its real store (each database
 * engine), the real catalog with the data-mesh module reading __testUtils__/mesh.yaml, and
 * the real permission backend running the plugin's policy part.
 *
 * In mesh.yaml: tenancy-analytics is owned by the brokerage data team (marie, tom);
 * rental-income-forecast by the capital markets data team (kwame); elena is governance
 * (data-office); sofia belongs to no team.
 */

const marie = 'user:default/marie.dubois';
const tom = 'user:default/tom.nguyen';
const kwame = 'user:default/kwame.mensah';
const elena = 'user:default/elena.petrova';
const sofia = 'user:default/sofia.rossi';

const tenancy = 'dataproduct:default/tenancy-analytics';
const forecast = 'dataproduct:default/rental-income-forecast';

type Server = Parameters<typeof request>[0];

const validBody = {
  dataProduct: tenancy,
  outputPort: 'leases-by-month',
  purpose: {
    category: 'analytics',
    text: 'A dashboard of contractual rent per month for the credit committee',
  },
};

/** Who may read a request, by the rules of PRODUCT.md. */
function mayRead(user: string, req: AccessRequest): boolean {
  const claims = [user, ...(memberships[user] ?? [])];
  return (
    user === elena ||
    req.requester === user ||
    req.productOwners.some(owner => claims.includes(owner))
  );
}

describe('the data-access API', () => {
  const databases = TestDatabases.create({
    ids: [
      'POSTGRES_18',
      'POSTGRES_17',
      'POSTGRES_16',
      'POSTGRES_15',
      'POSTGRES_14',
      'POSTGRES_13',
      'SQLITE_3',
    ],
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    let backend: Awaited<ReturnType<typeof startDataAccessBackend>>;
    let server: Server;

    beforeAll(async () => {
      backend = await startDataAccessBackend({
        knex: await databases.init(databaseId),
        catalogKnex: await databases.init('SQLITE_3'),
      });
      server = backend.server;
    }, 60_000);

    afterAll(async () => {
      await backend?.stop();
    });

    beforeEach(async () => {
      // Notifications queued by earlier tests are sent now, not in the middle of this one.
      await backend.notifications.runWorker();
      backend.notifications.send.mockClear();
      backend.audits.length = 0;
    });

    const post = (path: string, user: string, body?: object) =>
      request(server)
        .post(`/api/data-access${path}`)
        .set('Authorization', mockCredentials.user.header(user))
        .send(body ?? {});
    const get = (path: string, user: string) =>
      request(server)
        .get(`/api/data-access${path}`)
        .set('Authorization', mockCredentials.user.header(user));

    async function ask(
      user: string,
      overrides: Record<string, unknown> = {},
    ): Promise<AccessRequest> {
      const res = await post('/requests', user, { ...validBody, ...overrides });
      expect(res.status).toBe(201);
      return res.body;
    }

    async function decide(
      user: string,
      req: AccessRequest,
      decision: 'approve' | 'reject',
      reason?: string,
    ) {
      return post(`/requests/${req.id}/decision`, user, {
        decision,
        version: req.version,
        ...(reason && { reason }),
      });
    }

    /** Runs the notification worker; then what it sent about `req`, in order. */
    async function toldAbout(req: AccessRequest) {
      await backend.notifications.runWorker();
      return backend.notifications.send.mock.calls
        .map(([sent]) => sent)
        .filter(sent => sent.payload.link === `/data-access/requests/${req.id}`)
        .map(sent => [sent.recipients, sent.payload.title]);
    }

    /** Every page of a list, following the cursor. */
    async function listAll(user: string, query: string, limit = 2) {
      const items: AccessRequest[] = [];
      let cursor: string | undefined;
      do {
        const res = await get(
          `/requests?${query}&limit=${limit}${
            cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
          }`,
          user,
        );
        expect(res.status).toBe(200);
        items.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      return items;
    }

    describe('authentication', () => {
      it.each([
        ['post', '/requests'],
        ['get', '/requests'],
        ['get', '/requests/00000000-0000-0000-0000-000000000000'],
        ['post', '/requests/00000000-0000-0000-0000-000000000000/decision'],
        ['get', '/purposes'],
        ['get', '/products/dataproduct/default/tenancy-analytics/grants'],
        ['post', '/products/grants'],
      ] as const)(
        'answers 401 to %s %s without credentials',
        async (method, path) => {
          const res = await request(server)[method](`/api/data-access${path}`);
          expect(res.status).toBe(401);
        },
      );

      it('refuses a service calling on its own behalf: requests are made by people', async () => {
        const res = await request(server)
          .post('/api/data-access/requests')
          .set('Authorization', mockCredentials.service.header())
          .send(validBody);
        expect(res.status).toBe(403);
      });
    });

    describe('creating a request', () => {
      it('records who, what and why, with the requester from the identity and the owners from the catalog', async () => {
        const res = await post('/requests', sofia, {
          ...validBody,
          endDate: '2099-03-31',
        });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          requester: sofia,
          consumer: sofia,
          dataProduct: tenancy,
          outputPort: 'leases-by-month',
          purpose: validBody.purpose,
          endDate: '2099-03-31',
          productOwners: ['group:default/brokerage-data-team'],
          state: 'submitted',
          version: 1,
        });

        const fetched = await get(`/requests/${res.body.id}`, sofia);
        expect(fetched.status).toBe(200);
        expect(fetched.body).toEqual(res.body);
      });

      it('tells the product owners, with a link to the request, after answering', async () => {
        const req = await ask(sofia);
        // The request was answered before anyone was told: the notification is queued.
        expect(backend.notifications.send).not.toHaveBeenCalled();

        await backend.notifications.runWorker();
        expect(backend.notifications.send).toHaveBeenCalledTimes(1);
        expect(backend.notifications.send).toHaveBeenCalledWith({
          recipients: {
            type: 'entity',
            entityRef: ['group:default/brokerage-data-team'],
            excludeEntityRef: sofia,
          },
          payload: expect.objectContaining({
            title: 'Access requested to tenancy-analytics (leases-by-month)',
            link: `/data-access/requests/${req.id}`,
            topic: 'data-access',
          }),
        });
      });

      it('creates one request per Idempotency-Key, and refuses the key for another body', async () => {
        const key = `key-${databaseId}-${Date.now()}`;
        const first = await post('/requests', kwame, validBody).set(
          'Idempotency-Key',
          key,
        );
        const again = await post('/requests', kwame, validBody).set(
          'Idempotency-Key',
          key,
        );
        expect(first.status).toBe(201);
        expect(again.status).toBe(200);
        expect(again.body.id).toBe(first.body.id);
        await backend.notifications.runWorker();
        expect(backend.notifications.send).toHaveBeenCalledTimes(1);

        const otherBody = await post('/requests', kwame, {
          ...validBody,
          outputPort: 'current-tenants',
        }).set('Idempotency-Key', key);
        expect(otherBody.status).toBe(409);

        // Keys belong to their requester: another user's key is another request.
        const otherUser = await post('/requests', sofia, validBody).set(
          'Idempotency-Key',
          key,
        );
        expect(otherUser.status).toBe(201);
        expect(otherUser.body.id).not.toBe(first.body.id);
      });

      it('answers 404 for a product the catalog does not know, or an entity that is no data product', async () => {
        const unknown = await post('/requests', sofia, {
          ...validBody,
          dataProduct: 'dataproduct:default/no-such-product',
        });
        expect(unknown.status).toBe(404);
        expect(unknown.body.error.message).toContain(
          'dataproduct:default/no-such-product',
        );

        const component = await post('/requests', sofia, {
          ...validBody,
          dataProduct: 'component:default/leasing-portal',
        });
        expect(component.status).toBe(404);
      });

      it('lets a consumer be the requester, their group, or a component their group owns', async () => {
        expect(
          (
            await ask(kwame, {
              consumer: 'group:default/capital-markets-data-team',
            })
          ).consumer,
        ).toBe('group:default/capital-markets-data-team');
        expect(
          (
            await ask(kwame, {
              consumer: 'component:default/credit-risk-dashboard-app',
            })
          ).consumer,
        ).toBe('component:default/credit-risk-dashboard-app');
      });

      it.each([
        [
          'another user',
          'user:default/tom.nguyen',
          403,
          'consumer: you may ask for yourself',
        ],
        [
          'a group they are not in',
          'group:default/brokerage-data-team',
          403,
          'consumer: you may ask for yourself',
        ],
        [
          'a component another team owns',
          'component:default/leasing-portal',
          403,
          'consumer: component:default/leasing-portal is not owned by you',
        ],
        [
          'a component the catalog does not know',
          'component:default/nowhere',
          400,
          'consumer: no component',
        ],
        [
          'an entity of a kind that cannot consume',
          'api:default/leases',
          400,
          'consumer: expected yourself',
        ],
      ])('refuses %s as consumer', async (_, consumer, status, message) => {
        const res = await post('/requests', kwame, { ...validBody, consumer });
        expect(res.status).toBe(status);
        expect(res.body.error.message).toContain(message);
      });
    });

    describe('bad input', () => {
      const withPurpose = (purpose: object) => ({ ...validBody, purpose });

      it.each([
        ['no body', undefined, 'dataProduct: '],
        [
          'an invalid product ref',
          { ...validBody, dataProduct: 'tenancy' },
          'dataProduct: expected an entity ref',
        ],
        [
          'no output port',
          { ...validBody, outputPort: '' },
          'outputPort: expected the name of an output port',
        ],
        ['no purpose', { ...validBody, purpose: undefined }, 'purpose: '],
        [
          'a purpose too short',
          withPurpose({ category: 'analytics', text: 'data' }),
          'purpose.text: expected the purpose in a sentence',
        ],
        [
          'no purpose category',
          withPurpose({ text: 'A dashboard of rents per month' }),
          'purpose.category: ',
        ],
        [
          'an unknown purpose category',
          withPurpose({
            category: 'fun',
            text: 'A dashboard of rents per month',
          }),
          "purpose.category: unknown purpose category 'fun'",
        ],
        [
          'an unknown field',
          { ...validBody, requester: marie },
          'requester: unknown field',
        ],
        [
          'a malformed end date',
          { ...validBody, endDate: '31/03/2099' },
          'endDate: expected a date',
        ],
        [
          'an end date that is no day',
          { ...validBody, endDate: '2099-02-30' },
          'endDate: 2099-02-30 is not a calendar date',
        ],
        [
          'an end date in the past',
          { ...validBody, endDate: '2020-01-01' },
          'endDate: expected a day after today',
        ],
        [
          'a port the product does not have',
          { ...validBody, outputPort: 'raw-leases' },
          "outputPort: 'raw-leases' is not an output port of tenancy-analytics; its ports are leases-by-month, current-tenants",
        ],
        [
          'an invalid consumer ref',
          { ...validBody, consumer: 'me' },
          'consumer: expected an entity ref',
        ],
      ])(
        'answers 400 naming the field for a create with %s',
        async (_, body, message) => {
          const res = await post('/requests', sofia, body);
          expect(res.status).toBe(400);
          expect(res.body.error.name).toBe('InputError');
          expect(res.body.error.message).toContain(message);
        },
      );

      it('answers 400 for a body that is not JSON', async () => {
        const res = await request(server)
          .post('/api/data-access/requests')
          .set('Authorization', mockCredentials.user.header(sofia))
          .set('Content-Type', 'application/json')
          .send('{"dataProduct": ');
        expect(res.status).toBe(400);
      });

      it('answers 400 for an Idempotency-Key that is not a token', async () => {
        const res = await post('/requests', sofia, validBody).set(
          'Idempotency-Key',
          'a key with spaces',
        );
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('Idempotency-Key: ');
      });

      it.each([
        ['no decision', { version: 1 }, 'decision: '],
        [
          'an unknown decision',
          { decision: 'maybe', version: 1 },
          'decision: ',
        ],
        ['no version', { decision: 'approve' }, 'version: '],
        [
          'a version that is no number',
          { decision: 'approve', version: 'latest' },
          'version: ',
        ],
        [
          'a rejection without a reason',
          { decision: 'reject', version: 1 },
          'reason: a rejection needs a reason',
        ],
        [
          'an unknown field',
          { decision: 'approve', version: 1, by: marie },
          'by: unknown field',
        ],
      ])(
        'answers 400 naming the field for a decision with %s',
        async (_, body, message) => {
          const req = await ask(sofia);
          const res = await post(`/requests/${req.id}/decision`, marie, body);
          expect(res.status).toBe(400);
          expect(res.body.error.message).toContain(message);
        },
      );

      it.each(['cancel', 'revoke'])(
        'answers 400 naming the field for a %s with a bad reason',
        async action => {
          const req = await ask(sofia);
          const res = await post(`/requests/${req.id}/${action}`, sofia, {
            reason: 42,
          });
          expect(res.status).toBe(400);
          expect(res.body.error.message).toContain('reason: ');
        },
      );

      it.each([
        ['view=everything', 'view: '],
        ['state=pending', 'state[0]: Invalid option'],
        ['state=submitted,pending', 'state[1]: Invalid option'],
        ['limit=0', 'limit: '],
        ['limit=many', 'limit: '],
        ['dataProduct=tenancy', 'dataProduct: '],
        ['sort=name', 'sort: unknown field'],
      ])(
        'answers 400 naming the parameter for a list with %s',
        async (query, message) => {
          const res = await get(`/requests?${query}`, sofia);
          expect(res.status).toBe(400);
          expect(res.body.error.message).toContain(message);
        },
      );
    });

    describe('deciding', () => {
      it('lets an owner approve; the requester is told, delivery grants it, the requester is told again', async () => {
        const req = await ask(sofia);
        await backend.notifications.runWorker();
        backend.notifications.send.mockClear();

        const res = await decide(
          marie,
          req,
          'approve',
          'Fine for the committee',
        );
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          state: 'approved',
          version: 2,
          decision: { by: marie, reason: 'Fine for the committee' },
        });
        await backend.notifications.runWorker();
        expect(backend.notifications.send).toHaveBeenCalledTimes(1);
        expect(backend.notifications.send).toHaveBeenLastCalledWith({
          recipients: { type: 'entity', entityRef: sofia },
          payload: expect.objectContaining({
            title: 'Your access request to tenancy-analytics was approved',
            link: `/data-access/requests/${req.id}`,
          }),
        });
        backend.notifications.send.mockClear();

        await backend.delivery.runWorker();
        const delivered = await get(`/requests/${req.id}`, sofia);
        expect(delivered.body).toMatchObject({
          state: 'granted',
          delivery: { adapter: TEST_DELIVERY_ADAPTER, reference: 'TICKET-1' },
        });
        // The delivery worker also grants what earlier tests approved: look at this one.
        expect(await toldAbout(req)).toEqual([
          [
            { type: 'entity', entityRef: sofia },
            'Access to tenancy-analytics is granted',
          ],
        ]);
      });

      it('lets governance decide on any product', async () => {
        const req = await ask(kwame);
        const res = await decide(
          elena,
          req,
          'reject',
          'Use the aggregated view',
        );
        expect(res.status).toBe(200);
        expect(res.body.state).toBe('rejected');
      });

      it('answers 403 to a user who does not own the product', async () => {
        const req = await ask(sofia);
        // Kwame owns another product: owning something is not enough.
        const res = await decide(kwame, req, 'approve');
        expect(res.status).toBe(403);
        expect(res.body.error.message).toContain(
          'Only the owners of dataproduct:default/tenancy-analytics or governance may decide',
        );
        expect((await get(`/requests/${req.id}`, sofia)).body.state).toBe(
          'submitted',
        );
      });

      it('answers 403 to an owner deciding on their own request', async () => {
        const own = await ask(marie);
        const res = await decide(marie, own, 'approve');
        expect(res.status).toBe(403);
        expect(res.body.error.message).toBe(
          'You may not decide on your own access request',
        );
        // Their team mate may.
        expect((await decide(tom, own, 'approve')).status).toBe(200);
      });

      it('answers 403 to governance deciding on their own request', async () => {
        const own = await ask(elena);
        expect((await decide(elena, own, 'approve')).status).toBe(403);
      });

      it('answers 409 to a decision on a version that is no longer current', async () => {
        const req = await ask(sofia);
        expect((await decide(marie, req, 'approve')).status).toBe(200);

        // Tom saw version 1 too, and clicks after Marie.
        const late = await decide(tom, req, 'reject', 'Not for this purpose');
        expect(late.status).toBe(409);
        expect(late.body.error.message).toContain('changed since you saw it');

        const current = (await get(`/requests/${req.id}`, sofia)).body;
        expect(current).toMatchObject({ state: 'approved', version: 2 });
        // With the current version, the request is no longer submitted: still a conflict.
        const again = await decide(tom, current, 'reject', 'Too late');
        expect(again.status).toBe(409);
      });

      it('lets only one of two simultaneous decisions through', async () => {
        const req = await ask(sofia);
        const results = await Promise.all([
          decide(marie, req, 'approve'),
          decide(tom, req, 'reject', 'No'),
        ]);
        expect(results.map(r => r.status).sort()).toEqual([200, 409]);
        const history = (await get(`/requests/${req.id}/history`, sofia)).body
          .items as AccessRequestEvent[];
        expect(history.filter(e => e.from === 'submitted')).toHaveLength(1);
      });

      it('answers 404 for a request that does not exist', async () => {
        const res = await post(
          '/requests/00000000-0000-0000-0000-000000000000/decision',
          marie,
          { decision: 'approve', version: 1 },
        );
        expect(res.status).toBe(404);
      });

      it('audits every decision, those refused included', async () => {
        const req = await ask(sofia);
        await decide(kwame, req, 'approve');
        await decide(marie, req, 'approve');
        const decisions = backend.audits.filter(
          a => a.options.eventId === 'access-request-decide',
        );
        expect(
          decisions.map(a => [a.options.meta?.id, a.outcome, a.error?.name]),
        ).toEqual([
          [req.id, 'fail', 'NotAllowedError'],
          [req.id, 'success', undefined],
        ]);
      });
    });

    describe('cancelling, revoking and the history', () => {
      it('lets the requester cancel a submitted request, and nobody else', async () => {
        const req = await ask(sofia);
        expect((await post(`/requests/${req.id}/cancel`, marie)).status).toBe(
          403,
        );
        const res = await post(`/requests/${req.id}/cancel`, sofia, {
          reason: 'Found the data elsewhere',
        });
        expect(res.status).toBe(200);
        expect(res.body.state).toBe('cancelled');
        expect((await post(`/requests/${req.id}/cancel`, sofia)).status).toBe(
          409,
        );
        expect(backend.audits.map(a => [a.options.eventId, a.outcome])).toEqual(
          expect.arrayContaining([
            ['access-request-cancel', 'fail'],
            ['access-request-cancel', 'success'],
          ]),
        );
      });

      it('lists a grant among the product consumers until an owner revokes it', async () => {
        const req = await ask(kwame, {
          consumer: 'component:default/credit-risk-dashboard-app',
          outputPort: 'current-tenants',
        });
        await decide(tom, req, 'approve');
        await backend.delivery.runWorker();

        const grants = async () =>
          (
            await get(
              '/products/dataproduct/default/tenancy-analytics/grants',
              sofia,
            )
          ).body.items;
        expect(await grants()).toContainEqual(
          expect.objectContaining({
            requestId: req.id,
            consumer: 'component:default/credit-risk-dashboard-app',
            outputPort: 'current-tenants',
            requester: kwame,
          }),
        );

        // Services read consumers too: the catalog module turns them into relations.
        const asCatalog = await request(server)
          .get(
            '/api/data-access/products/dataproduct/default/tenancy-analytics/grants',
          )
          .set('Authorization', mockCredentials.service.header());
        expect(asCatalog.status).toBe(200);
        expect(
          asCatalog.body.items.map((g: { requestId: string }) => g.requestId),
        ).toContain(req.id);

        expect((await post(`/requests/${req.id}/revoke`, kwame)).status).toBe(
          403,
        );
        const revoked = await post(`/requests/${req.id}/revoke`, marie, {
          reason: 'The dashboard was retired',
        });
        expect(revoked.status).toBe(200);
        expect(revoked.body.state).toBe('revoked');
        // Each change was told once, in order, about the state it led to.
        expect(await toldAbout(req)).toEqual([
          [
            {
              type: 'entity',
              entityRef: ['group:default/brokerage-data-team'],
              excludeEntityRef: kwame,
            },
            'Access requested to tenancy-analytics (current-tenants)',
          ],
          [
            { type: 'entity', entityRef: kwame },
            'Your access request to tenancy-analytics was approved',
          ],
          [
            { type: 'entity', entityRef: kwame },
            'Access to tenancy-analytics is granted',
          ],
          [
            { type: 'entity', entityRef: kwame },
            'Access to tenancy-analytics was revoked',
          ],
        ]);
        expect(
          (await grants()).map((g: { requestId: string }) => g.requestId),
        ).not.toContain(req.id);

        const history = await get(`/requests/${req.id}/history`, kwame);
        expect(history.status).toBe(200);
        expect(
          (history.body.items as AccessRequestEvent[]).map(e => [
            e.from,
            e.to,
            e.actor,
          ]),
        ).toEqual([
          [null, 'submitted', kwame],
          ['submitted', 'approved', tom],
          ['approved', 'provisioning', 'plugin:data-access'],
          ['provisioning', 'granted', 'plugin:data-access'],
          ['granted', 'revoked', marie],
        ]);
      });

      it('answers 404 for the grants of a product the catalog does not know', async () => {
        const res = await get(
          '/products/dataproduct/default/no-such-product/grants',
          sofia,
        );
        expect(res.status).toBe(404);
      });
    });

    describe('the grants of many products at once', () => {
      const unknown = 'dataproduct:default/no-such-product';
      const asService = (body: object) =>
        request(server)
          .post('/api/data-access/products/grants')
          .set('Authorization', mockCredentials.service.header())
          .send(body);
      /** The per-product route's answer, which the bulk one must repeat. */
      const grantsOf = async (path: string) =>
        (
          await request(server)
            .get(`/api/data-access/products/${path}/grants`)
            .set('Authorization', mockCredentials.service.header())
        ).body.items;

      it('answers the grants of each product, by the refs as sent, as the per-product route does', async () => {
        const forTenancy = await ask(kwame, {
          consumer: 'component:default/credit-risk-dashboard-app',
          outputPort: 'current-tenants',
        });
        await decide(tom, forTenancy, 'approve');
        const forForecast = await ask(sofia, {
          dataProduct: forecast,
          outputPort: 'forecast',
        });
        await decide(kwame, forForecast, 'approve');
        await backend.delivery.runWorker();

        const mixedCase = 'DataProduct:default/Tenancy-Analytics';
        const res = await asService({
          entityRefs: [tenancy, forecast, unknown, mixedCase],
        });

        expect(res.status).toBe(200);
        expect(Object.keys(res.body.items).sort()).toEqual(
          [tenancy, forecast, unknown, mixedCase].sort(),
        );
        const tenancyGrants = await grantsOf(
          'dataproduct/default/tenancy-analytics',
        );
        expect(res.body.items[tenancy]).toEqual(tenancyGrants);
        expect(res.body.items[mixedCase]).toEqual(tenancyGrants);
        expect(
          res.body.items[tenancy].map(
            (g: { requestId: string }) => g.requestId,
          ),
        ).toContain(forTenancy.id);
        expect(res.body.items[forecast]).toEqual(
          await grantsOf('dataproduct/default/rental-income-forecast'),
        );
        expect(
          res.body.items[forecast].map(
            (g: { requestId: string }) => g.requestId,
          ),
        ).toContain(forForecast.id);
        expect(res.body.items[unknown]).toEqual([]);
      });

      it('answers a user for the products they can see, leaving out the others', async () => {
        const res = await post('/products/grants', sofia, {
          entityRefs: [tenancy, unknown],
        });
        expect(res.status).toBe(200);
        expect(Object.keys(res.body.items)).toEqual([tenancy]);
        expect(res.body.items[tenancy]).toEqual(
          await grantsOf('dataproduct/default/tenancy-analytics'),
        );
      });

      it.each([
        ['no refs', {}, 'entityRefs: '],
        [
          'an empty list',
          { entityRefs: [] },
          'entityRefs: expected at least one',
        ],
        [
          'too many refs',
          {
            entityRefs: Array.from(
              { length: 101 },
              (_, i) => `dataproduct:default/p${i}`,
            ),
          },
          'entityRefs: expected at most 100',
        ],
        [
          'a ref without its kind',
          { entityRefs: [tenancy, 'tenancy-analytics'] },
          'entityRefs[1]: expected an entity ref',
        ],
        [
          'a field it does not know',
          { entityRefs: [tenancy], limit: 3 },
          'limit: unknown field',
        ],
      ])('answers 400 naming the field for %s', async (_, body, message) => {
        const res = await asService(body);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toContain(message);
      });
    });

    describe('reading and listing', () => {
      it('shows a request and its history to its requester, the owners and governance only', async () => {
        const req = await ask(sofia, {
          dataProduct: forecast,
          outputPort: 'forecast',
        });
        for (const user of [sofia, kwame, elena]) {
          expect((await get(`/requests/${req.id}`, user)).status).toBe(200);
          expect((await get(`/requests/${req.id}/history`, user)).status).toBe(
            200,
          );
        }
        for (const user of [marie, tom]) {
          expect((await get(`/requests/${req.id}`, user)).status).toBe(403);
          expect((await get(`/requests/${req.id}/history`, user)).status).toBe(
            403,
          );
        }
      });

      it('lists for each user exactly the requests they may read, across pages', async () => {
        const bySofiaForTenancy = await ask(sofia);
        const bySofiaForForecast = await ask(sofia, {
          dataProduct: forecast,
          outputPort: 'forecast',
        });
        const byKwameForTenancy = await ask(kwame);

        const everything = await listAll(elena, 'view=all', 5);
        const ids = (items: AccessRequest[]) => items.map(r => r.id);
        expect(ids(everything)).toEqual(
          expect.arrayContaining([
            bySofiaForTenancy.id,
            bySofiaForForecast.id,
            byKwameForTenancy.id,
          ]),
        );
        // Pages neither repeat nor skip.
        expect(new Set(ids(everything)).size).toBe(everything.length);

        for (const user of [marie, tom, kwame, sofia]) {
          const visible = await listAll(user, 'view=all');
          expect(visible.length).toBeGreaterThan(0);
          expect(visible.filter(r => !mayRead(user, r))).toEqual([]);
          // ...and nothing they may read is missing.
          expect(ids(visible).sort()).toEqual(
            ids(everything.filter(r => mayRead(user, r))).sort(),
          );
        }
        expect(ids(await listAll(marie, 'view=all'))).not.toContain(
          bySofiaForForecast.id,
        );
        expect(ids(await listAll(kwame, 'view=all'))).toEqual(
          expect.arrayContaining([bySofiaForForecast.id, byKwameForTenancy.id]),
        );
      });

      it('lists my requests, and those waiting for my decision but never my own', async () => {
        const mine = await listAll(kwame, 'view=mine');
        expect(mine.length).toBeGreaterThan(0);
        expect(mine.every(r => r.requester === kwame)).toBe(true);

        const ownByMarie = await ask(marie);
        const toDecide = await listAll(marie, 'view=to-decide');
        expect(toDecide.length).toBeGreaterThan(0);
        for (const r of toDecide) {
          expect(r.state).toBe('submitted');
          expect(r.productOwners).toContain(
            'group:default/brokerage-data-team',
          );
          expect(r.requester).not.toBe(marie);
        }
        expect(toDecide.map(r => r.id)).not.toContain(ownByMarie.id);
        // Tom, her team mate, does see it.
        expect((await listAll(tom, 'view=to-decide')).map(r => r.id)).toContain(
          ownByMarie.id,
        );

        expect(await listAll(sofia, 'view=to-decide')).toEqual([]);
        const governance = await listAll(elena, 'view=to-decide', 50);
        expect(governance.map(r => r.id)).toContain(ownByMarie.id);
        expect(governance.every(r => r.requester !== elena)).toBe(true);
      });

      it('filters by product and state', async () => {
        const listed = await listAll(
          elena,
          `view=all&dataProduct=${forecast}&state=submitted,cancelled`,
        );
        expect(listed.length).toBeGreaterThan(0);
        for (const r of listed) {
          expect(r.dataProduct).toBe(forecast);
          expect(['submitted', 'cancelled']).toContain(r.state);
        }
      });
    });

    it('serves the configured purpose categories', async () => {
      const res = await get('/purposes', sofia);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual(purposeCategories);
    });

    it('registers its rules with the permission framework', async () => {
      const res = await request(server)
        .get('/api/data-access/.well-known/backstage/permissions/metadata')
        .set('Authorization', mockCredentials.service.header());
      expect(res.status).toBe(200);
      expect(res.body.permissions.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining([
          'data-access.request.create',
          'data-access.request.read',
          'data-access.request.decide',
          'data-access.request.cancel',
          'data-access.request.revoke',
        ]),
      );
      expect(
        res.body.rules.map((r: { name: string }) => r.name).sort(),
      ).toEqual(['IS_PRODUCT_OWNER', 'IS_REQUESTER']);
    });
  });
});
