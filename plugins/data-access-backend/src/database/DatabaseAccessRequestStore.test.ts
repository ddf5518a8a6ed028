import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import type { Knex } from 'knex';
import {
  createStore,
  createTestDatabases,
  JANE,
  newRequest,
  OWNER,
  RATINGS,
  TENANCY,
  rejectionOf,
} from './__testUtils__/storeTestKit';
import type { DatabaseAccessRequestStore } from './DatabaseAccessRequestStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const BOB = 'user:default/bob';
const DECIDER = 'user:default/olivia';

describe.each(databases.eachSupportedId())(
  'DatabaseAccessRequestStore on %s',
  databaseId => {
    let knex: Knex;
    let store: DatabaseAccessRequestStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await createStore(knex);
    });

    async function approve(id: string, version = 1) {
      return store.transition({
        id,
        expectedVersion: version,
        from: ['submitted'],
        to: 'approved',
        actor: DECIDER,
        decision: true,
        reason: 'fits the licence',
        enqueueDelivery: 'grant',
      });
    }

    /** Approves a request and delivers it: the states a granted request went through. */
    async function grant(id: string) {
      await approve(id);
      await store.transition({
        id,
        from: ['approved'],
        to: 'provisioning',
        actor: 'plugin:data-access',
      });
      await store.transition({
        id,
        from: ['provisioning'],
        to: 'granted',
        actor: 'plugin:data-access',
      });
    }

    describe('create and get', () => {
      it('gets many requests at once, leaving out ids it does not have', async () => {
        const created: AccessRequest[] = [];
        for (let i = 0; i < 3; i++) {
          created.push((await store.create(newRequest())).request);
        }
        const ids = [...created.map(r => r.id), 'no-such-request'];

        const found = await store.getMany(ids);

        expect(found.map(r => r.id).sort()).toEqual(
          created.map(r => r.id).sort(),
        );
        expect(found.find(r => r.id === created[1].id)).toEqual(created[1]);
        expect(await store.getMany([])).toEqual([]);
      });

      it('stores a submitted request with its first history row', async () => {
        const { request, created } = await store.create(
          newRequest({ endDate: '2027-03-31', productOwners: [OWNER, OWNER] }),
        );

        expect(created).toBe(true);
        expect(request).toMatchObject({
          requester: JANE,
          dataProduct: TENANCY,
          outputPort: 'leases-view',
          consumer: JANE,
          purpose: { category: 'analytics' },
          endDate: '2027-03-31',
          productOwners: [OWNER],
          state: 'submitted',
          version: 1,
        });
        expect(request.decision).toBeUndefined();
        expect(request.delivery).toBeUndefined();
        expect(await store.get(request.id)).toEqual(request);
        expect(await store.history(request.id)).toEqual([
          {
            requestId: request.id,
            from: null,
            to: 'submitted',
            actor: JANE,
            at: request.createdAt,
            reason: undefined,
          },
        ]);
      });

      it('returns undefined for an unknown id', async () => {
        await expect(store.get('no-such-id')).resolves.toBeUndefined();
      });

      it('returns the first request when the same requester repeats an idempotency key', async () => {
        const first = await store.create(newRequest({ idempotencyKey: 'k-1' }));
        const again = await store.create(newRequest({ idempotencyKey: 'k-1' }));
        const otherRequester = await store.create(
          newRequest({ requester: BOB, idempotencyKey: 'k-1' }),
        );
        const withoutKey1 = await store.create(newRequest());
        const withoutKey2 = await store.create(newRequest());

        expect(again).toEqual({ request: first.request, created: false });
        expect(otherRequester.created).toBe(true);
        expect(otherRequester.request.id).not.toBe(first.request.id);
        expect(withoutKey1.request.id).not.toBe(withoutKey2.request.id);
        expect((await store.list({}, { limit: 50 })).items).toHaveLength(4);
      });

      it('creates once when concurrent submissions share a key', async () => {
        const results = await Promise.all(
          Array.from({ length: 10 }, () =>
            store.create(newRequest({ idempotencyKey: 'double-click' })),
          ),
        );

        expect(results.filter(r => r.created)).toHaveLength(1);
        expect(new Set(results.map(r => r.request.id)).size).toBe(1);
        expect((await store.list({}, { limit: 50 })).items).toHaveLength(1);
      });
    });

    describe('transition', () => {
      it('approves, records the decision, history and one grant delivery', async () => {
        const { request } = await store.create(newRequest());

        const approved = await approve(request.id);

        expect(approved).toMatchObject({
          state: 'approved',
          version: 2,
          decision: { by: DECIDER, reason: 'fits the licence' },
          delivery: { adapter: 'webhook', attempts: 0 },
        });
        expect(await store.get(request.id)).toEqual(approved);
        const history = await store.history(request.id);
        expect(history.map(e => [e.from, e.to, e.actor, e.reason])).toEqual([
          [null, 'submitted', JANE, undefined],
          ['submitted', 'approved', DECIDER, 'fits the licence'],
        ]);
        const deliveries = await store.listDeliveries(request.id);
        expect(deliveries).toEqual([
          expect.objectContaining({
            requestId: request.id,
            action: 'grant',
            adapter: 'webhook',
            status: 'pending',
            attempts: 0,
          }),
        ]);
      });

      it('rejects with a reason and queues no delivery', async () => {
        const { request } = await store.create(newRequest());

        const rejected = await store.transition({
          id: request.id,
          expectedVersion: 1,
          from: ['submitted'],
          to: 'rejected',
          actor: DECIDER,
          decision: true,
          reason: 'internal use only',
        });

        expect(rejected.state).toBe('rejected');
        expect(rejected.decision?.reason).toBe('internal use only');
        expect(await store.listDeliveries(request.id)).toEqual([]);
      });

      it('refuses a rejection without a reason', async () => {
        const { request } = await store.create(newRequest());

        await expect(
          store.transition({
            id: request.id,
            from: ['submitted'],
            to: 'rejected',
            actor: DECIDER,
            decision: true,
            reason: '  ',
          }),
        ).rejects.toThrow(InputError);
        expect((await store.get(request.id))?.state).toBe('submitted');
      });

      it('refuses a transition the state machine does not have', async () => {
        const { request } = await store.create(newRequest());

        await expect(
          store.transition({
            id: request.id,
            from: ['submitted'],
            to: 'granted',
            actor: DECIDER,
          }),
        ).rejects.toThrow(InputError);
        await expect(
          store.transition({
            id: request.id,
            from: [],
            to: 'approved',
            actor: DECIDER,
          }),
        ).rejects.toThrow(InputError);
      });

      it('is a conflict when the request is not in an expected state', async () => {
        const { request } = await store.create(newRequest());
        await store.transition({
          id: request.id,
          from: ['submitted'],
          to: 'cancelled',
          actor: JANE,
        });

        await expect(approve(request.id, 2)).rejects.toThrow(ConflictError);
        const history = await store.history(request.id);
        expect(history.map(e => e.to)).toEqual(['submitted', 'cancelled']);
      });

      it('is a conflict when the version the actor saw is stale', async () => {
        const { request } = await store.create(newRequest());
        await approve(request.id, 1);

        const error = await store
          .transition({
            id: request.id,
            expectedVersion: 1,
            from: ['approved'],
            to: 'provisioning',
            actor: DECIDER,
          })
          .catch(e => e);

        expect(error).toBeInstanceOf(ConflictError);
        expect(error.message).toMatch(/version 2, not 1/);
        expect((await store.get(request.id))?.state).toBe('approved');
      });

      it('is not found for an unknown id', async () => {
        await expect(
          store.transition({
            id: 'no-such-id',
            from: ['submitted'],
            to: 'cancelled',
            actor: JANE,
          }),
        ).rejects.toThrow(NotFoundError);
        await expect(store.history('no-such-id')).rejects.toThrow(
          NotFoundError,
        );
      });

      it('walks the whole life of a grant, and revocation queues a revoke delivery', async () => {
        const { request } = await store.create(newRequest());
        await approve(request.id);
        const steps: Array<
          [
            'approved' | 'provisioning' | 'granted',
            'provisioning' | 'granted' | 'revoked',
          ]
        > = [
          ['approved', 'provisioning'],
          ['provisioning', 'granted'],
          ['granted', 'revoked'],
        ];
        for (const [from, to] of steps) {
          await store.transition({
            id: request.id,
            from: [from],
            to,
            actor: 'plugin:data-access',
            enqueueDelivery: to === 'revoked' ? 'revoke' : undefined,
          });
        }

        const revoked = await store.get(request.id);
        expect(revoked).toMatchObject({ state: 'revoked', version: 5 });
        expect((await store.history(request.id)).map(e => e.to)).toEqual([
          'submitted',
          'approved',
          'provisioning',
          'granted',
          'revoked',
        ]);
        expect(
          (await store.listDeliveries(request.id)).map(d => d.action),
        ).toEqual(['grant', 'revoke']);
      });
    });

    describe('history', () => {
      it('is append-only: the database refuses to change or delete a row', async () => {
        const { request } = await store.create(newRequest());
        await approve(request.id);

        expect(
          await rejectionOf(
            knex('access_request_events')
              .where('request_id', request.id)
              .update({ actor: 'user:default/mallory' }),
          ),
        ).toMatch(/append-only/);
        expect(
          await rejectionOf(
            knex('access_request_events')
              .where('request_id', request.id)
              .delete(),
          ),
        ).toMatch(/append-only/);
        expect((await store.history(request.id)).map(e => e.actor)).toEqual([
          JANE,
          DECIDER,
        ]);
      });
    });

    describe('list', () => {
      it('filters by requester, product, states and owners awaiting a decision', async () => {
        const a = (await store.create(newRequest())).request;
        const b = (
          await store.create(
            newRequest({
              requester: BOB,
              consumer: BOB,
              dataProduct: RATINGS,
              productOwners: ['group:default/ratings'],
            }),
          )
        ).request;
        const c = (await store.create(newRequest())).request;
        await approve(c.id);

        const ids = async (filter: Parameters<typeof store.list>[0]) =>
          (await store.list(filter, { limit: 50 })).items.map(r => r.id).sort();

        expect(await ids({ requester: JANE })).toEqual([a.id, c.id].sort());
        expect(await ids({ dataProduct: RATINGS })).toEqual([b.id]);
        expect(await ids({ states: ['approved'] })).toEqual([c.id]);
        expect(await ids({ states: ['submitted', 'approved'] })).toHaveLength(
          3,
        );
        expect(await ids({ awaitingOwners: [OWNER] })).toEqual([a.id]);
        expect(
          await ids({ awaitingOwners: ['group:default/ratings', OWNER] }),
        ).toEqual([a.id, b.id].sort());
        expect(await ids({ awaitingOwners: [] })).toEqual([]);
      });

      it('returns only what the caller may see', async () => {
        const janes = (await store.create(newRequest())).request;
        const bobs = (
          await store.create(
            newRequest({
              requester: BOB,
              consumer: BOB,
              productOwners: ['group:default/ratings'],
            }),
          )
        ).request;

        const ids = async (visibleTo: { refs: string[] } | { all: true }) =>
          (await store.list({ visibleTo }, { limit: 50 })).items
            .map(r => r.id)
            .sort();

        expect(await ids({ refs: [JANE] })).toEqual([janes.id]);
        expect(await ids({ refs: [BOB] })).toEqual([bobs.id]);
        // Owners see requests for their products, whoever asked.
        expect(await ids({ refs: ['user:default/olivia', OWNER] })).toEqual([
          janes.id,
        ]);
        expect(await ids({ refs: ['user:default/nobody'] })).toEqual([]);
        expect(await ids({ refs: [] })).toEqual([]);
        expect(await ids({ all: true })).toEqual([janes.id, bobs.id].sort());
      });

      it('pages newest first with a stable cursor, also across equal timestamps', async () => {
        const created: string[] = [];
        for (let i = 0; i < 7; i++) {
          created.push((await store.create(newRequest())).request.id);
        }
        // Several requests in the same millisecond: the id breaks the tie.
        await knex('access_requests')
          .whereIn('id', created.slice(2, 6))
          .update({ created_at: new Date('2026-01-01T00:00:00.000Z') });

        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.list(
            { requester: JANE },
            { cursor, limit: 3 },
          );
          seen.push(...page.items.map(r => r.id));
          cursor = page.nextCursor;
          pages++;
          // A request made while paging is newer than the cursor: it does not shift pages.
          if (pages === 1) {
            await store.create(newRequest());
          }
        } while (cursor);

        expect(pages).toBe(3);
        expect(seen).toHaveLength(7);
        expect(new Set(seen)).toEqual(new Set(created));
        const all = (await store.list({}, { limit: 50 })).items;
        const order = all.map(r => [Date.parse(r.createdAt), r.id] as const);
        const sorted = [...order].sort(
          (x, y) => y[0] - x[0] || y[1].localeCompare(x[1], 'en'),
        );
        expect(order).toEqual(sorted);
      });

      it('says when a cursor is not one of its own', async () => {
        await expect(
          store.list({}, { cursor: 'not-a-cursor', limit: 10 }),
        ).rejects.toThrow(InputError);
      });
    });

    describe('grants', () => {
      it('lists the granted requests of a product', async () => {
        const granted = (
          await store.create(newRequest({ endDate: '2030-01-01' }))
        ).request;
        const stillSubmitted = (await store.create(newRequest())).request;
        const otherProduct = (
          await store.create(newRequest({ dataProduct: RATINGS }))
        ).request;
        for (const id of [granted.id, otherProduct.id]) {
          await grant(id);
        }

        const grants = await store.grants(TENANCY);

        expect(grants).toEqual([
          {
            requestId: granted.id,
            dataProduct: TENANCY,
            outputPort: 'leases-view',
            consumer: JANE,
            requester: JANE,
            grantedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
            endDate: '2030-01-01',
          },
        ]);
        expect(grants.map(g => g.requestId)).not.toContain(stillSubmitted.id);
      });

      it('lists the grants of many products in one read, as it lists them one by one', async () => {
        const created = [];
        for (const dataProduct of [TENANCY, TENANCY, RATINGS, TENANCY]) {
          created.push(
            (await store.create(newRequest({ dataProduct }))).request,
          );
        }
        // The last one stays submitted: not a grant.
        for (const { id } of created.slice(0, 3)) {
          await grant(id);
        }
        const NONE = 'dataproduct:default/nobody-consumes-this';

        const grants = await store.grantsOfProducts([TENANCY, RATINGS, NONE]);

        expect([...grants.keys()]).toEqual([TENANCY, RATINGS, NONE]);
        expect(grants.get(TENANCY)).toEqual(await store.grants(TENANCY));
        expect(
          grants
            .get(TENANCY)
            ?.map(g => g.requestId)
            .sort(),
        ).toEqual([created[0].id, created[1].id].sort());
        expect(grants.get(RATINGS)).toEqual(await store.grants(RATINGS));
        expect(grants.get(RATINGS)).toHaveLength(1);
        expect(grants.get(NONE)).toEqual([]);
        expect(await store.grantsOfProducts([])).toEqual(new Map());
      });

      it('finds grants whose end date has passed', async () => {
        const past = (await store.create(newRequest({ endDate: '2026-01-31' })))
          .request;
        const future = (
          await store.create(newRequest({ endDate: '2099-01-01' }))
        ).request;
        const openEnded = (await store.create(newRequest())).request;
        for (const { id } of [past, future, openEnded]) {
          await grant(id);
        }

        const expired = await store.findExpiredGrants('2026-02-01', 10);
        expect(expired.map(r => r.id)).toEqual([past.id]);
        // The end date is the last day of access: not expired on that day.
        expect(await store.findExpiredGrants('2026-01-31', 10)).toEqual([]);
      });
    });
  },
);
