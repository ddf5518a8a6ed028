import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { AccessRequestState } from '@datamesh/plugin-data-access-common';
import type { Knex } from 'knex';
import type { DatabaseAccessRequestStore } from '../database/DatabaseAccessRequestStore';
import {
  createStore,
  createTestDatabases,
  newRequest,
  secondConnection,
} from '../database/__testUtils__/storeTestKit';
import { WebhookReceiver } from './__testUtils__/webhookReceiver';
import { createBuiltInDeliveryAdapters } from './adapters/builtInAdapters';
import { WebhookDeliveryAdapter } from './adapters/WebhookDeliveryAdapter';
import {
  DELIVERY_TASK_ID,
  DeliveryRunSummary,
  DeliveryWorker,
} from './DeliveryWorker';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const SECRET = 'outage-test-secret';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function allInState(
  store: DatabaseAccessRequestStore,
  ids: string[],
  state: AccessRequestState,
): Promise<boolean> {
  const requests = await Promise.all(ids.map(id => store.get(id)));
  return requests.every(request => request?.state === state);
}

describe.each(databases.eachSupportedId())(
  'a webhook that is down for a while, on %s',
  databaseId => {
    let store: DatabaseAccessRequestStore;
    const receiver = new WebhookReceiver(SECRET);

    beforeEach(async () => {
      store = await createStore(await databases.init(databaseId));
      receiver.received.length = 0;
    });
    afterEach(() => receiver.stop());

    async function approve(count: number): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const { request } = await store.create(
          newRequest({ deliveryAdapter: 'webhook' }),
        );
        await store.transition({
          id: request.id,
          from: ['submitted'],
          to: 'approved',
          actor: 'user:default/olivia',
          decision: true,
          enqueueDelivery: 'grant',
        });
        ids.push(request.id);
      }
      return ids;
    }

    it('gets each delivery exactly once when it is back', async () => {
      // Learn a port, then go down: connections are refused.
      await receiver.start();
      await receiver.stop();
      const config = new ConfigReader({
        dataAccess: {
          delivery: {
            default: 'webhook',
            webhook: { url: receiver.url, secret: SECRET },
            retry: {
              initialDelay: { milliseconds: 20 },
              maxDelay: { milliseconds: 200 },
            },
          },
        },
      });
      const scheduler = mockServices.scheduler();
      await DeliveryWorker.start({
        scheduler,
        store,
        config,
        adapters: createBuiltInDeliveryAdapters(config),
        logger: mockServices.logger.mock(),
      });
      const requestIds = await approve(5);
      const deliveryIds = (
        await Promise.all(requestIds.map(id => store.listDeliveries(id)))
      ).map(([d]) => d.id);

      // Down: nothing arrives, nothing is lost.
      for (let i = 0; i < 3; i++) {
        await scheduler.triggerTask(DELIVERY_TASK_ID);
        await sleep(30);
      }
      for (const id of requestIds) {
        const request = await store.get(id);
        expect(request?.state).toBe('provisioning');
        expect(request?.delivery?.lastError).toBeDefined();
      }

      // Up, but failing: the first eight requests get 503; then it works.
      let answered = 0;
      receiver.answer = () => (answered++ < 8 ? 503 : 200);
      await receiver.start();
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        if (await allInState(store, requestIds, 'granted')) {
          break;
        }
        await scheduler.triggerTask(DELIVERY_TASK_ID);
        await sleep(30);
      }
      // More runs after everything was delivered send nothing again.
      await scheduler.triggerTask(DELIVERY_TASK_ID);
      await scheduler.triggerTask(DELIVERY_TASK_ID);

      expect(receiver.received.filter(r => r.status === 503)).toHaveLength(8);
      expect(receiver.accepted()).toEqual(
        new Map(deliveryIds.map(id => [id, 1])),
      );
      for (const id of deliveryIds) {
        const attempts = receiver.received.filter(r => r.deliveryId === id);
        // The accepted attempt is the last one that delivery made.
        expect(attempts[attempts.length - 1].status).toBe(200);
      }
      expect(receiver.received.every(r => r.signatureValid)).toBe(true);
      expect(
        receiver.received.every(r => r.body.deliveryId === r.deliveryId),
      ).toBe(true);
      for (const id of requestIds) {
        const history = await store.history(id);
        expect(history.map(e => e.to)).toEqual([
          'submitted',
          'approved',
          'provisioning',
          'granted',
        ]);
      }
    });
  },
);

const REQUESTS = 40;

// Two replicas share one database only on PostgreSQL (SQLite is one process's file).
const postgresIds = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

for (const [databaseId] of postgresIds) {
  describe(`two backend replicas on one ${databaseId}`, () => {
    const receiver = new WebhookReceiver(SECRET);
    let secondKnex: Knex | undefined;

    beforeAll(() => receiver.start());
    afterAll(() => receiver.stop());
    afterEach(async () => {
      await secondKnex?.destroy();
      receiver.received.length = 0;
    });

    function replica(store: DatabaseAccessRequestStore) {
      return new DeliveryWorker({
        store,
        adapters: [
          new WebhookDeliveryAdapter({ url: receiver.url, secret: SECRET }),
        ],
        logger: mockServices.logger.mock(),
        settings: { batchSize: 4 },
      });
    }

    it('deliver each outbox row once, even when both run at the same time', async () => {
      const knex = await databases.init(databaseId);
      secondKnex = secondConnection(knex);
      const storeA = await createStore(knex);
      const storeB = await createStore(secondKnex); // its migrations find nothing to do
      // A slow receiver keeps both replicas busy at once.
      receiver.answer = async () => {
        await new Promise(resolve => setTimeout(resolve, 15));
        return 200;
      };
      const requestIds: string[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const { request } = await storeA.create(
          newRequest({ deliveryAdapter: 'webhook' }),
        );
        await storeA.transition({
          id: request.id,
          from: ['submitted'],
          to: 'approved',
          actor: 'user:default/olivia',
          decision: true,
          enqueueDelivery: 'grant',
        });
        requestIds.push(request.id);
      }

      const totals = await Promise.all(
        [replica(storeA), replica(storeB)].map(async worker => {
          let done = 0;
          let summary: DeliveryRunSummary;
          do {
            summary = await worker.runOnce();
            done += summary.done;
          } while (summary.done + summary.retried + summary.leaseLost > 0);
          return done;
        }),
      );

      expect(totals[0] + totals[1]).toBe(REQUESTS);
      expect(totals[0]).toBeGreaterThan(0);
      expect(totals[1]).toBeGreaterThan(0);
      expect(receiver.received).toHaveLength(REQUESTS);
      expect([...receiver.accepted().values()].every(n => n === 1)).toBe(true);
      expect(receiver.accepted().size).toBe(REQUESTS);
      for (const id of requestIds) {
        expect((await storeB.history(id)).map(e => e.to)).toEqual([
          'submitted',
          'approved',
          'provisioning',
          'granted',
        ]);
      }
    });
  });
}
