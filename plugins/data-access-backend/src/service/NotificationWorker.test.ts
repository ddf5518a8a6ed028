import { mockServices } from '@backstage/backend-test-utils';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import type { Knex } from 'knex';
import type { DatabaseAccessRequestStore } from '../database/DatabaseAccessRequestStore';
import {
  createStore,
  createTestDatabases,
  JANE,
  newRequest,
  OWNER,
  secondConnection,
} from '../database/__testUtils__/storeTestKit';
import { AccessRequestNotifier } from './AccessRequestNotifier';
import {
  NOTIFICATION_TASK_ID,
  NotificationWorker,
  NotificationWorkerOptions,
} from './NotificationWorker';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const DECIDER = 'user:default/olivia';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** A notifications backend that records what it was sent, and fails while told to. */
class RecordingNotifications implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  calls = 0;
  failuresLeft = 0;
  delayMs = 0;

  async send(options: NotificationSendOptions): Promise<void> {
    this.calls++;
    if (this.delayMs) {
      await sleep(this.delayMs);
    }
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('Request failed with 503 Service Unavailable');
    }
    this.sent.push(options);
  }

  /** Title per recipient, in the order they arrived. */
  told(): Array<[unknown, string]> {
    return this.sent.map(n => [n.recipients, n.payload.title]);
  }
}

describe.each(databases.eachSupportedId())(
  'NotificationWorker on %s',
  databaseId => {
    let knex: Knex;
    let store: DatabaseAccessRequestStore;
    let notifications: RecordingNotifications;
    let logger: ReturnType<typeof mockServices.logger.mock>;
    const extraConnections: Knex[] = [];

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await createStore(knex);
      notifications = new RecordingNotifications();
      logger = mockServices.logger.mock();
    });

    afterEach(async () => {
      await Promise.all(extraConnections.splice(0).map(c => c.destroy()));
    });

    function worker(options: Partial<NotificationWorkerOptions> = {}) {
      return new NotificationWorker({
        store,
        notifier: new AccessRequestNotifier(notifications),
        logger,
        settings: { initialRetryDelayMs: 40, maxRetryDelayMs: 400 },
        ...options,
      });
    }

    /** A new request to Tenancy analytics, or to `product`. */
    async function submitted(product?: string): Promise<AccessRequest> {
      const { request } = await store.create(
        newRequest({
          enqueueNotification: 'submitted',
          ...(product ? { dataProduct: product } : {}),
        }),
      );
      return request;
    }
    /** A product of its own for each request, so no two are told together. */
    let products = 0;
    const anotherProduct = () => `dataproduct:default/product-${++products}`;

    async function queued(requests: AccessRequest[]): Promise<number> {
      const lists = await Promise.all(
        requests.map(r => store.listNotifications(r.id)),
      );
      return lists.flat().length;
    }

    const toOwners = {
      type: 'entity',
      entityRef: [OWNER],
      excludeEntityRef: JANE,
    };
    const toJane = { type: 'entity', entityRef: JANE };

    it('is scheduled, sends each queued notification once, and removes it', async () => {
      const scheduler = mockServices.scheduler();
      await NotificationWorker.start({
        scheduler,
        store,
        notifier: new AccessRequestNotifier(notifications),
        logger,
      });
      const asked = await submitted();
      const rejected = await store.transition({
        id: (await submitted()).id,
        from: ['submitted'],
        to: 'rejected',
        actor: DECIDER,
        decision: true,
        reason: 'internal use only',
        enqueueNotification: 'decided',
      });

      await scheduler.triggerTask(NOTIFICATION_TASK_ID);
      await scheduler.triggerTask(NOTIFICATION_TASK_ID);

      const title = 'Access requested to tenancy-analytics (leases-view)';
      expect(notifications.told()).toHaveLength(3);
      expect(notifications.told()).toEqual(
        expect.arrayContaining([
          [toOwners, title],
          [toOwners, title],
          [toJane, 'Your access request to tenancy-analytics was rejected'],
        ]),
      );
      expect(notifications.sent.map(n => n.payload.link).sort()).toEqual(
        [
          `/data-access/requests/${asked.id}`,
          `/data-access/requests/${rejected.id}`,
          `/data-access/requests/${rejected.id}`,
        ].sort(),
      );
      // Each carries its own scope, so that a re-send replaces rather than repeats it.
      const scopes = notifications.sent.map(n => n.payload.scope);
      expect(new Set(scopes).size).toBe(3);
      expect(await queued([asked, rejected])).toBe(0);
    });

    it('tells about the state each change led to, even when the request moved on', async () => {
      const request = await submitted();
      await store.transition({
        id: request.id,
        from: ['submitted'],
        to: 'approved',
        actor: DECIDER,
        decision: true,
        enqueueDelivery: 'grant',
        enqueueNotification: 'decided',
      });
      for (const [from, to] of [
        ['approved', 'provisioning'],
        ['provisioning', 'granted'],
      ] as const) {
        await store.transition({
          id: request.id,
          from: [from],
          to,
          actor: 'plugin:data-access',
          enqueueNotification:
            to === 'granted' ? 'delivery-updated' : undefined,
        });
      }
      await store.transition({
        id: request.id,
        from: ['granted'],
        to: 'revoked',
        actor: DECIDER,
        enqueueDelivery: 'revoke',
        enqueueNotification: 'delivery-updated',
      });

      await expect(worker().runOnce()).resolves.toMatchObject({ sent: 4 });

      expect(notifications.told()).toEqual([
        [toOwners, 'Access requested to tenancy-analytics (leases-view)'],
        [toJane, 'Your access request to tenancy-analytics was approved'],
        [toJane, 'Access to tenancy-analytics is granted'],
        [toJane, 'Access to tenancy-analytics was revoked'],
      ]);
    });

    it('retries while the notifications backend fails, and loses nothing', async () => {
      const requests = await Promise.all(
        [1, 2, 3, 4, 5].map(() => submitted(anotherProduct())),
      );
      notifications.failuresLeft = 8;
      const w = worker({
        settings: { initialRetryDelayMs: 300, maxRetryDelayMs: 600 },
      });

      const first = await w.runOnce();
      expect(first).toMatchObject({ sent: 0, retried: 5 });
      for (const request of requests) {
        const [notification] = await store.listNotifications(request.id);
        expect(notification.lastError).toMatch(/503 Service Unavailable/);
        expect(Date.parse(notification.nextAttemptAt)).toBeGreaterThan(
          Date.now(),
        );
      }
      // Not due yet: running again at once does not call the backend.
      const calls = notifications.calls;
      await w.runOnce();
      expect(notifications.calls).toBe(calls);

      const deadline = Date.now() + 20_000;
      while ((await queued(requests)) > 0 && Date.now() < deadline) {
        await sleep(20);
        await w.runOnce();
      }

      expect(await queued(requests)).toBe(0);
      expect(notifications.calls).toBe(5 + 8);
      expect(notifications.sent.map(n => n.payload.link).sort()).toEqual(
        requests.map(r => `/data-access/requests/${r.id}`).sort(),
      );
    });

    it('gives up after the last attempt, keeping the notification as failed', async () => {
      const request = await submitted();
      notifications.failuresLeft = Infinity;
      const w = worker({
        settings: {
          initialRetryDelayMs: 10,
          maxRetryDelayMs: 20,
          maxAttempts: 3,
        },
      });

      const deadline = Date.now() + 10_000;
      while (
        (await store.listNotifications(request.id))[0].status !== 'failed' &&
        Date.now() < deadline
      ) {
        await w.runOnce();
        await sleep(25);
      }
      await sleep(25);
      await w.runOnce();

      expect(notifications.calls).toBe(3);
      expect(await store.listNotifications(request.id)).toEqual([
        expect.objectContaining({
          status: 'failed',
          attempts: 3,
          lastError: expect.stringMatching(/503/),
        }),
      ]);
      expect(logger.warn).toHaveBeenCalledWith(
        'Access request notification failed too often; giving up',
        expect.objectContaining({ requestId: request.id, attempts: 3 }),
      );
    });

    it('sends again, in the same scope, what a worker sent but could not remove (at least once)', async () => {
      await submitted();
      // The database goes away between the send and the removal of the row.
      const forgetful = Object.assign(Object.create(store), {
        completeNotification: async () => {
          throw new Error('Connection terminated unexpectedly');
        },
      }) as DatabaseAccessRequestStore;

      await worker({ store: forgetful, settings: { leaseMs: 300 } }).runOnce();
      expect(logger.error).toHaveBeenCalledWith(
        'Could not remove a sent notification',
        expect.anything(),
      );
      const w = worker();
      await expect(w.runOnce()).resolves.toMatchObject({ sent: 0 });
      await sleep(350);
      await expect(w.runOnce()).resolves.toMatchObject({ sent: 1 });

      expect(notifications.sent).toHaveLength(2);
      expect(notifications.sent[1]).toEqual(notifications.sent[0]);
      expect(notifications.sent[0].payload.scope).toEqual(expect.any(String));
      await expect(w.runOnce()).resolves.toMatchObject({ sent: 0 });
    });

    it('tells the owners of a burst of requests to one product in one notification, retried together', async () => {
      const product = 'dataproduct:default/entity-ratings';
      const burst = [
        await submitted(product),
        await submitted(product),
        await submitted(product),
      ];
      const elsewhere = await submitted(anotherProduct());
      // The news of a request that was also decided stays its own, in order.
      const decided = await submitted(product);
      await store.transition({
        id: decided.id,
        from: ['submitted'],
        to: 'rejected',
        actor: DECIDER,
        reason: 'No personal data for analytics',
        decision: true,
        enqueueNotification: 'decided',
      });
      notifications.failuresLeft = Infinity;
      const w = worker({
        settings: { initialRetryDelayMs: 10, maxRetryDelayMs: 20 },
      });

      expect(await w.runOnce()).toMatchObject({ sent: 0, retried: 6 });
      notifications.failuresLeft = 0;
      await sleep(30);
      expect(await w.runOnce()).toMatchObject({ sent: 6, retried: 0 });

      expect(await queued([...burst, elsewhere, decided])).toBe(0);
      const digest = notifications.sent.filter(
        n => n.payload.title === '3 access requests to entity-ratings',
      );
      expect(digest).toHaveLength(1);
      expect(digest[0]).toMatchObject({
        recipients: { entityRef: [OWNER], excludeEntityRef: [JANE] },
        payload: {
          link: '/data-access?tab=to-decide',
          description:
            'Asked by jane (leases-view), jane (leases-view), jane (leases-view)',
          scope: expect.any(String),
        },
      });
      expect(
        notifications.sent
          .filter(n => n !== digest[0])
          .map(n => n.payload.link)
          .sort(),
      ).toEqual(
        [
          `/data-access/requests/${elsewhere.id}`,
          `/data-access/requests/${decided.id}`,
          `/data-access/requests/${decided.id}`,
        ].sort(),
      );
      const told = notifications.sent.filter(
        n => n.payload.link === `/data-access/requests/${decided.id}`,
      );
      expect(told.map(n => n.payload.title)).toEqual([
        'Access requested to entity-ratings (leases-view)',
        'Your access request to entity-ratings was rejected',
      ]);
    });

    it('workers racing on two replicas never send a notification twice', async () => {
      const requests: AccessRequest[] = [];
      for (let i = 0; i < 60; i++) {
        requests.push(await submitted(anotherProduct()));
      }
      // On PostgreSQL a second replica has its own pool; SQLite has one writer anyway.
      let otherStore = store;
      if (knex.client.dialect === 'postgresql') {
        const other = secondConnection(knex);
        extraConnections.push(other);
        otherStore = await createStore(other, { skipMigrations: true });
      }
      notifications.delayMs = 1;
      const settings = { batchSize: 3 };
      const workers = [store, otherStore, store, otherStore].map(s =>
        worker({ store: s, settings }),
      );

      const summaries = await Promise.all(workers.map(w => w.runOnce()));

      expect(summaries.reduce((sum, s) => sum + s.sent, 0)).toBe(60);
      expect(notifications.calls).toBe(60);
      expect(new Set(notifications.sent.map(n => n.payload.scope)).size).toBe(
        60,
      );
      expect(await queued(requests)).toBe(0);
    });
  },
);
