import type { Knex } from 'knex';
import {
  createStore,
  createTestDatabases,
  failInsertsInto,
  JANE,
  newRequest,
  rejectionOf,
} from './__testUtils__/storeTestKit';
import type { DatabaseAccessRequestStore } from './DatabaseAccessRequestStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const DECIDER = 'user:default/olivia';
const NOTIFICATIONS = 'access_request_notifications';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe.each(databases.eachSupportedId())(
  'the notification outbox on %s',
  databaseId => {
    let knex: Knex;
    let store: DatabaseAccessRequestStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await createStore(knex);
    });

    async function submitted(overrides: Parameters<typeof newRequest>[0] = {}) {
      const { request } = await store.create(
        newRequest({ enqueueNotification: 'submitted', ...overrides }),
      );
      return request;
    }

    function approve(id: string, expectedVersion = 1) {
      return store.transition({
        id,
        expectedVersion,
        from: ['submitted'],
        to: 'approved',
        actor: DECIDER,
        decision: true,
        enqueueDelivery: 'grant',
        enqueueNotification: 'decided',
      });
    }

    const kindsAndStates = async (requestId: string) =>
      (await store.listNotifications(requestId)).map(n => [
        n.kind,
        n.requestState,
      ]);

    describe('queueing', () => {
      it('queues one notification with a new request, none when a key replays it', async () => {
        const request = await submitted({ idempotencyKey: 'k-1' });
        const replay = await store.create(
          newRequest({
            idempotencyKey: 'k-1',
            enqueueNotification: 'submitted',
          }),
        );
        const silent = (await store.create(newRequest())).request;

        expect(replay.created).toBe(false);
        expect(await store.listNotifications(request.id)).toEqual([
          {
            id: expect.any(String),
            requestId: request.id,
            kind: 'submitted',
            requestState: 'submitted',
            status: 'pending',
            attempts: 0,
            lastError: undefined,
            nextAttemptAt: request.createdAt,
            createdAt: request.createdAt,
          },
        ]);
        expect(await store.listNotifications(silent.id)).toEqual([]);
      });

      it('queues one notification per decision and revocation, about the state each led to', async () => {
        const approved = await approve((await submitted()).id);
        const rejected = await store.transition({
          id: (await submitted()).id,
          from: ['submitted'],
          to: 'rejected',
          actor: DECIDER,
          decision: true,
          reason: 'internal use only',
          enqueueNotification: 'decided',
        });
        for (const to of ['provisioning', 'granted'] as const) {
          await store.transition({
            id: approved.id,
            from: [to === 'granted' ? 'provisioning' : 'approved'],
            to,
            actor: 'plugin:data-access',
          });
        }
        await store.transition({
          id: approved.id,
          from: ['granted'],
          to: 'revoked',
          actor: DECIDER,
          enqueueDelivery: 'revoke',
          enqueueNotification: 'delivery-updated',
        });

        expect(await kindsAndStates(approved.id)).toEqual([
          ['submitted', 'submitted'],
          ['decided', 'approved'],
          ['delivery-updated', 'revoked'],
        ]);
        expect(await kindsAndStates(rejected.id)).toEqual([
          ['submitted', 'submitted'],
          ['decided', 'rejected'],
        ]);
      });

      it('queues nothing for a transition that fails', async () => {
        const request = await submitted();
        await approve(request.id);

        // A stale version, a state it is no longer in, a rejection without a reason.
        expect(
          await rejectionOf(
            store.transition({
              id: request.id,
              expectedVersion: 1,
              from: ['approved'],
              to: 'provisioning',
              actor: 'plugin:data-access',
              enqueueNotification: 'delivery-updated',
            }),
          ),
        ).toMatch(/version 2, not 1/);
        expect(await rejectionOf(approve(request.id, 2))).toMatch(
          /is approved; it cannot become approved/,
        );
        expect(
          await rejectionOf(
            store.transition({
              id: request.id,
              from: ['submitted'],
              to: 'rejected',
              actor: DECIDER,
              decision: true,
              enqueueNotification: 'decided',
            }),
          ),
        ).toMatch(/needs a reason/);

        expect(await kindsAndStates(request.id)).toEqual([
          ['submitted', 'submitted'],
          ['decided', 'approved'],
        ]);
      });

      it('stores no change whose notification could not be written', async () => {
        const request = await submitted();
        const undo = await failInsertsInto(knex, NOTIFICATIONS);

        expect(await rejectionOf(approve(request.id))).toMatch(
          /simulated crash/,
        );
        expect(
          await rejectionOf(
            store.create(newRequest({ enqueueNotification: 'submitted' })),
          ),
        ).toMatch(/simulated crash/);
        // Without a notification to queue, nothing touches the table.
        const silent = (await store.create(newRequest())).request;

        expect(await store.get(request.id)).toEqual(request);
        expect((await store.history(request.id)).map(e => e.to)).toEqual([
          'submitted',
        ]);
        expect(await store.listDeliveries(request.id)).toEqual([]);
        expect(
          (await store.list({ requester: JANE }, { limit: 10 })).items
            .map(r => r.id)
            .sort(),
        ).toEqual([request.id, silent.id].sort());

        await undo();
        await approve(request.id);
        expect(await kindsAndStates(request.id)).toEqual([
          ['submitted', 'submitted'],
          ['decided', 'approved'],
        ]);
      });
    });

    describe('claiming', () => {
      it('gives a due notification to one worker at a time, counting attempts', async () => {
        const request = await submitted();

        const [claimed] = await store.claimDueNotifications({
          limit: 10,
          leaseMs: 60_000,
        });
        expect(claimed).toMatchObject({
          requestId: request.id,
          kind: 'submitted',
          attempts: 1,
          leaseToken: expect.any(String),
        });
        expect(
          await store.claimDueNotifications({ limit: 10, leaseMs: 60_000 }),
        ).toEqual([]);

        // Only the holder of the current lease may remove it.
        const stranger = { ...claimed, leaseToken: 'not-the-lease' };
        await expect(store.completeNotification(stranger)).resolves.toBe(false);
        await expect(store.completeNotification(claimed)).resolves.toBe(true);
        await expect(store.completeNotification(claimed)).resolves.toBe(false);
        expect(await store.listNotifications(request.id)).toEqual([]);
      });

      it('reschedules a notification that failed, and keeps one given up as failed', async () => {
        const request = await submitted();
        const claim = () =>
          store.claimDueNotifications({ limit: 10, leaseMs: 60_000 });

        const [first] = await claim();
        await expect(
          store.rescheduleNotification(
            first,
            'connect ECONNREFUSED',
            new Date(Date.now() + 100),
          ),
        ).resolves.toBe(true);
        expect(await claim()).toEqual([]);
        await sleep(120);

        const [second] = await claim();
        expect(second).toMatchObject({
          id: first.id,
          attempts: 2,
          lastError: 'connect ECONNREFUSED',
        });
        await expect(
          store.failNotification(second, 'still refused'),
        ).resolves.toBe(true);

        expect(await claim()).toEqual([]);
        expect(await store.listNotifications(request.id)).toEqual([
          expect.objectContaining({
            status: 'failed',
            attempts: 2,
            lastError: 'still refused',
          }),
        ]);
      });

      it('lets another worker take over a claim whose lease ended', async () => {
        await submitted();
        const [abandoned] = await store.claimDueNotifications({
          limit: 10,
          leaseMs: 50,
        });
        await sleep(80);

        const [takenOver] = await store.claimDueNotifications({
          limit: 10,
          leaseMs: 60_000,
        });

        expect(takenOver).toMatchObject({ id: abandoned.id, attempts: 2 });
        await expect(store.completeNotification(abandoned)).resolves.toBe(
          false,
        );
        await expect(store.completeNotification(takenOver)).resolves.toBe(true);
      });
    });
  },
);
