import type { Knex } from 'knex';
import {
  createStore,
  createTestDatabases,
  newRequest,
  rejectionOf,
} from './__testUtils__/storeTestKit';
import { DatabaseAccessRequestStore } from './DatabaseAccessRequestStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const FIRST_TABLES = [
  'access_requests',
  'access_request_owners',
  'access_request_events',
  'delivery_outbox',
];
const TABLES = [...FIRST_TABLES, 'access_request_notifications'];
const FIRST_VERSION = '20261121000000';
const directory = DatabaseAccessRequestStore.migrationsDirectory;

async function existingTables(knex: Knex): Promise<string[]> {
  const present: string[] = [];
  for (const table of TABLES) {
    if (await knex.schema.hasTable(table)) {
      present.push(table);
    }
  }
  return present;
}

/** PostgreSQL keeps the append-only guard in a function, which down() must drop too. */
async function leftoverGuardFunctions(knex: Knex): Promise<number> {
  if (knex.client.dialect !== 'postgresql') {
    return 0;
  }
  const [{ n }] = await knex('pg_proc')
    .where('proname', 'access_request_events_append_only')
    .count({ n: '*' });
  return Number(n);
}

/**
 * Fills every table: requests in several states, owners, history, and delivery and
 * notification outbox rows.
 */
async function fillWithData(knex: Knex) {
  const store = await createStore(knex, { skipMigrations: true });
  const { request } = await store.create(
    newRequest({ idempotencyKey: 'k', enqueueNotification: 'submitted' }),
  );
  await store.create(newRequest({ endDate: '2027-01-01' }));
  await store.transition({
    id: request.id,
    from: ['submitted'],
    to: 'approved',
    actor: 'user:default/olivia',
    decision: true,
    enqueueDelivery: 'grant',
    enqueueNotification: 'decided',
  });
  return { store, requestId: request.id };
}

async function count(knex: Knex, table: string): Promise<number> {
  const [{ n }] = await knex(table).count({ n: '*' });
  return Number(n);
}

describe.each(databases.eachSupportedId())('migrations on %s', databaseId => {
  it('go up, hold data, come down with data in them, and go up again', async () => {
    const knex = await databases.init(databaseId);

    await knex.migrate.latest({ directory });
    expect(await existingTables(knex)).toEqual(TABLES);
    const { store, requestId } = await fillWithData(knex);
    expect(await knex('access_request_events').count({ n: '*' })).toEqual([
      { n: expect.anything() },
    ]);
    expect((await store.history(requestId)).map(e => e.to)).toEqual([
      'submitted',
      'approved',
    ]);
    expect(await count(knex, 'access_request_notifications')).toBe(2);

    // The notification outbox comes down alone; the requests stay as they were.
    await knex.migrate.down({ directory });
    expect(await existingTables(knex)).toEqual(FIRST_TABLES);
    expect(await knex.migrate.currentVersion({ directory })).toBe(
      FIRST_VERSION,
    );
    expect(await count(knex, 'access_requests')).toBe(2);
    expect(await count(knex, 'delivery_outbox')).toBe(1);
    expect(await store.get(requestId)).toMatchObject({ state: 'approved' });

    // Up again with the requests in place: the new table starts empty, and works.
    await knex.migrate.latest({ directory });
    expect(await existingTables(knex)).toEqual(TABLES);
    expect(await store.listNotifications(requestId)).toEqual([]);
    await store.transition({
      id: requestId,
      from: ['approved'],
      to: 'provisioning',
      actor: 'plugin:data-access',
    });
    await store.transition({
      id: requestId,
      from: ['provisioning'],
      to: 'granted',
      actor: 'plugin:data-access',
      enqueueNotification: 'delivery-updated',
    });
    expect(await count(knex, 'access_request_notifications')).toBe(1);

    await knex.migrate.down({ directory });
    await knex.migrate.down({ directory });
    expect(await existingTables(knex)).toEqual([]);
    expect(await knex.migrate.currentVersion({ directory })).toBe('none');
    expect(await leftoverGuardFunctions(knex)).toBe(0);

    await knex.migrate.latest({ directory });
    expect(await existingTables(knex)).toEqual(TABLES);
    expect(await knex('access_requests').count({ n: '*' })).toEqual([
      { n: knex.client.dialect === 'postgresql' ? '0' : 0 },
    ]);
    // Everything works again after a round trip, the append-only guard included.
    const again = await fillWithData(knex);
    expect(
      await rejectionOf(
        knex('access_request_events')
          .where('request_id', again.requestId)
          .delete(),
      ),
    ).toMatch(/append-only/);
  });

  it('are run by create() unless skipped', async () => {
    const skipped = await databases.init(databaseId);
    await createStore(skipped, { skipMigrations: true });
    expect(await existingTables(skipped)).toEqual([]);

    const migrated = await databases.init(databaseId);
    await createStore(migrated);
    await createStore(migrated); // a second replica starting: nothing to do
    expect(await existingTables(migrated)).toEqual(TABLES);
  });
});
