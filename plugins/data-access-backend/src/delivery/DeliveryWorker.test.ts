import { mockServices } from '@backstage/backend-test-utils';
import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import type { Knex } from 'knex';
import type { DatabaseAccessRequestStore } from '../database/DatabaseAccessRequestStore';
import {
  createStore,
  createTestDatabases,
  newRequest,
} from '../database/__testUtils__/storeTestKit';
import { ScriptedAdapter } from './__testUtils__/ScriptedAdapter';
import {
  DELIVERY_ACTOR,
  DELIVERY_TASK_ID,
  DeliveryWorker,
  DeliveryWorkerOptions,
} from './DeliveryWorker';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const DECIDER = 'user:default/olivia';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe.each(databases.eachSupportedId())(
  'DeliveryWorker on %s',
  databaseId => {
    let knex: Knex;
    let store: DatabaseAccessRequestStore;
    let adapter: ScriptedAdapter;
    let told: AccessRequest[];

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await createStore(knex);
      adapter = new ScriptedAdapter();
      told = [];
    });

    function worker(options: Partial<DeliveryWorkerOptions> = {}) {
      return new DeliveryWorker({
        store,
        adapters: [adapter],
        logger: mockServices.logger.mock(),
        settings: {
          initialRetryDelayMs: 40,
          maxRetryDelayMs: 1000,
          pollIntervalMs: 60_000,
        },
        onStateChanged: async request => {
          told.push(request);
        },
        ...options,
      });
    }

    async function approvedRequest(
      overrides: Parameters<typeof newRequest>[0] = {},
    ) {
      const { request } = await store.create(
        newRequest({ deliveryAdapter: 'scripted', ...overrides }),
      );
      return store.transition({
        id: request.id,
        expectedVersion: 1,
        from: ['submitted'],
        to: 'approved',
        actor: DECIDER,
        decision: true,
        enqueueDelivery: 'grant',
      });
    }

    /** What the requester will be told, queued with each change delivery made. */
    async function notificationsOf(requestId: string) {
      return (await store.listNotifications(requestId)).map(n => [
        n.kind,
        n.requestState,
      ]);
    }

    it('is scheduled, delivers an approved request once and grants it', async () => {
      const scheduler = mockServices.scheduler();
      await DeliveryWorker.start({
        scheduler,
        store,
        adapters: [adapter],
        logger: mockServices.logger.mock(),
        onStateChanged: async request => {
          told.push(request);
        },
      });
      const request = await approvedRequest();
      const [delivery] = await store.listDeliveries(request.id);

      await scheduler.triggerTask(DELIVERY_TASK_ID);
      await scheduler.triggerTask(DELIVERY_TASK_ID);

      expect(adapter.calls).toEqual([
        {
          kind: 'deliver',
          requestId: request.id,
          state: 'provisioning',
          action: 'grant',
          deliveryId: delivery.id,
        },
      ]);
      const granted = await store.get(request.id);
      expect(granted).toMatchObject({
        state: 'granted',
        delivery: { adapter: 'scripted', attempts: 1 },
      });
      expect(
        (await store.history(request.id)).map(e => [e.from, e.to, e.actor]),
      ).toEqual([
        [null, 'submitted', 'user:default/jane'],
        ['submitted', 'approved', DECIDER],
        ['approved', 'provisioning', DELIVERY_ACTOR],
        ['provisioning', 'granted', DELIVERY_ACTOR],
      ]);
      expect(await store.listDeliveries(request.id)).toEqual([
        expect.objectContaining({
          id: delivery.id,
          status: 'done',
          attempts: 1,
        }),
      ]);
      expect(await store.grants(request.dataProduct)).toHaveLength(1);
      expect(told.map(r => r.state)).toEqual(['granted']);
      expect(await notificationsOf(request.id)).toEqual([
        ['delivery-updated', 'granted'],
      ]);
    });

    it('a refusal fails the request with its reason', async () => {
      adapter.script = () => ({
        status: 'failed',
        reason: 'no such port in the warehouse',
      });
      const request = await approvedRequest();

      await expect(worker().runOnce()).resolves.toMatchObject({ failed: 1 });

      const failed = await store.get(request.id);
      expect(failed).toMatchObject({
        state: 'failed',
        delivery: { lastError: 'no such port in the warehouse' },
      });
      const history = await store.history(request.id);
      expect(history[history.length - 1]).toMatchObject({
        from: 'provisioning',
        to: 'failed',
        reason: 'no such port in the warehouse',
      });
      expect((await store.listDeliveries(request.id))[0].status).toBe('failed');
      expect(told.map(r => r.state)).toEqual(['failed']);
      expect(await notificationsOf(request.id)).toEqual([
        ['delivery-updated', 'failed'],
      ]);
    });

    it('a pending delivery is polled with its reference until it is done', async () => {
      adapter.script = call => {
        if (call.kind === 'deliver') {
          return {
            status: 'pending',
            reference: 'REQ0001',
            externalStatus: 'Open',
          };
        }
        if (adapter.calls.length < 3) {
          return {
            status: 'pending',
            reference: 'REQ0001',
            externalStatus: 'Work in Progress',
          };
        }
        return {
          status: 'done',
          reference: 'REQ0001',
          externalStatus: 'Closed Complete',
        };
      };
      const request = await approvedRequest();
      const [delivery] = await store.listDeliveries(request.id);
      const w = worker();

      await w.runOnce();
      expect(await store.get(request.id)).toMatchObject({
        state: 'provisioning',
        delivery: { reference: 'REQ0001', externalStatus: 'Open' },
      });
      expect((await store.listDeliveries(request.id))[0].status).toBe(
        'waiting',
      );

      // Not due before the poll interval...
      await w.runOnce();
      expect(adapter.calls).toHaveLength(1);
      // ...unless the ticketing system calls back.
      for (const expected of ['provisioning', 'granted']) {
        expect(await store.markDeliveryDue(delivery.id)).toBe(true);
        await w.runOnce();
        expect((await store.get(request.id))?.state).toBe(expected);
      }

      expect(adapter.calls.map(c => [c.kind, c.reference])).toEqual([
        ['deliver', undefined],
        ['poll', 'REQ0001'],
        ['poll', 'REQ0001'],
      ]);
      expect((await store.get(request.id))?.delivery).toMatchObject({
        reference: 'REQ0001',
        externalStatus: 'Closed Complete',
      });
      expect(await store.markDeliveryDue(delivery.id)).toBe(false);
    });

    it('retries an unreachable delivery system with growing delays, then delivers once', async () => {
      let failuresLeft = 3;
      adapter.script = () => {
        if (failuresLeft-- > 0) {
          throw new Error('connect ECONNREFUSED 10.0.0.7:443');
        }
        return { status: 'done' };
      };
      const request = await approvedRequest();
      const w = worker();

      const delays: number[] = [];
      const errors: Array<string | undefined> = [];
      const callsOnImmediateRerun: number[] = [];
      while ((await store.get(request.id))?.state !== 'granted') {
        const before = Date.now();
        const summary = await w.runOnce();
        if (summary.retried) {
          const [delivery] = await store.listDeliveries(request.id);
          delays.push(Date.parse(delivery.nextAttemptAt) - before);
          errors.push(delivery.lastError);
          // Not due yet: running again at once must not call the system.
          const calls = adapter.calls.length;
          await w.runOnce();
          callsOnImmediateRerun.push(adapter.calls.length - calls);
        }
        await sleep(20);
      }

      expect(errors).toEqual(
        Array(3).fill(expect.stringContaining('ECONNREFUSED')),
      );
      expect(callsOnImmediateRerun).toEqual([0, 0, 0]);
      expect(delays).toHaveLength(3);
      expect(delays[0]).toBeGreaterThanOrEqual(30);
      expect(delays[1]).toBeGreaterThan(delays[0]);
      expect(delays[2]).toBeGreaterThan(delays[1]);
      expect(delays[2]).toBeGreaterThanOrEqual(120);
      expect(new Set(adapter.calls.map(c => c.deliveryId)).size).toBe(1);
      expect(adapter.calls).toHaveLength(4);
      expect(await store.get(request.id)).toMatchObject({
        delivery: { attempts: 4, lastError: undefined },
      });
    });

    it('keeps a delivery for an adapter that is not installed until it is', async () => {
      const request = await approvedRequest({
        deliveryAdapter: 'carrier-pigeon',
      });

      await expect(worker().runOnce()).resolves.toMatchObject({ retried: 1 });
      const [waiting] = await store.listDeliveries(request.id);
      expect(waiting).toMatchObject({ status: 'pending' });
      expect(waiting.lastError).toMatch(/No delivery adapter 'carrier-pigeon'/);
      expect((await store.get(request.id))?.state).toBe('approved');

      await sleep(60);
      const pigeon = new ScriptedAdapter(undefined, 'carrier-pigeon');
      await worker({ adapters: [adapter, pigeon] }).runOnce();
      expect((await store.get(request.id))?.state).toBe('granted');
      expect(pigeon.calls).toHaveLength(1);
    });

    it('expires grants whose end date passed and asks the delivery system to revoke', async () => {
      const ending = await approvedRequest({ endDate: '2000-01-31' });
      const lasting = await approvedRequest({ endDate: '2999-12-31' });
      const w = worker();
      await w.runOnce();
      expect((await store.get(ending.id))?.state).toBe('granted');

      const summary = await w.runOnce();

      expect(summary).toMatchObject({ expired: 1, done: 1 });
      expect((await store.get(ending.id))?.state).toBe('expired');
      expect((await store.get(lasting.id))?.state).toBe('granted');
      const history = await store.history(ending.id);
      expect(history[history.length - 1]).toMatchObject({
        from: 'granted',
        to: 'expired',
        actor: DELIVERY_ACTOR,
        reason: 'The end date 2000-01-31 has passed',
      });
      expect(adapter.calls.filter(c => c.action === 'revoke')).toEqual([
        expect.objectContaining({ requestId: ending.id, state: 'expired' }),
      ]);
      expect(
        (await store.listDeliveries(ending.id)).map(d => [d.action, d.status]),
      ).toEqual([
        ['grant', 'done'],
        ['revoke', 'done'],
      ]);
      expect(told.map(r => [r.id, r.state])).toContainEqual([
        ending.id,
        'expired',
      ]);
      expect(await notificationsOf(ending.id)).toEqual([
        ['delivery-updated', 'granted'],
        ['delivery-updated', 'expired'],
      ]);
      await expect(w.runOnce()).resolves.toMatchObject({ expired: 0, done: 0 });
    });

    it('delivers the revocation an owner asked for', async () => {
      const request = await approvedRequest();
      const w = worker();
      await w.runOnce();
      await store.transition({
        id: request.id,
        from: ['granted'],
        to: 'revoked',
        actor: DECIDER,
        reason: 'project ended',
        enqueueDelivery: 'revoke',
      });

      await w.runOnce();

      expect(adapter.calls.map(c => [c.action, c.state])).toEqual([
        ['grant', 'provisioning'],
        ['revoke', 'revoked'],
      ]);
      expect((await store.get(request.id))?.state).toBe('revoked');
    });

    it('takes over a delivery whose worker died holding it, once its lease ends', async () => {
      const request = await approvedRequest();
      // A worker claims the delivery, then its process dies before answering.
      const [abandoned] = await store.claimDueDeliveries({
        limit: 10,
        leaseMs: 300,
      });
      const w = worker();

      await expect(w.runOnce()).resolves.toMatchObject({ done: 0 });
      expect(adapter.calls).toHaveLength(0);

      await sleep(350);
      await expect(w.runOnce()).resolves.toMatchObject({ done: 1 });
      expect(adapter.calls).toHaveLength(1);
      expect(adapter.calls[0].deliveryId).toBe(abandoned.id);
      // Had the first worker only been slow, its late answer is not recorded.
      await expect(
        store.recordDeliveryOutcome(
          abandoned,
          { status: 'failed', reason: 'late' },
          { actor: DELIVERY_ACTOR, pollAt: new Date() },
        ),
      ).resolves.toBe(false);
      expect((await store.get(request.id))?.state).toBe('granted');
    });
  },
);
