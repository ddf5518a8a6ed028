import { ConflictError } from '@backstage/errors';
import type { Knex } from 'knex';
import type { Transition } from './AccessRequestStore';
import {
  createStore,
  createTestDatabases,
  newRequest,
  secondConnection,
  rejectionOf,
} from './__testUtils__/storeTestKit';
import type { DatabaseAccessRequestStore } from './DatabaseAccessRequestStore';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const OWNERS = ['user:default/olivia', 'user:default/omar'];

function decision(
  id: string,
  i: number,
  options: { expectedVersion?: number; mixed: boolean },
): Transition {
  const reject = options.mixed && i % 2 === 1;
  return {
    id,
    expectedVersion: options.expectedVersion,
    from: ['submitted'],
    to: reject ? 'rejected' : 'approved',
    actor: OWNERS[i % 2],
    decision: true,
    reason: reject ? 'not for this purpose' : undefined,
    enqueueDelivery: reject ? undefined : 'grant',
    enqueueNotification: 'decided',
  };
}

async function rowCounts(knex: Knex, requestId: string) {
  const count = async (table: string) =>
    Number(
      (await knex(table).where('request_id', requestId).count({ n: '*' }))[0].n,
    );
  return {
    events: await count('access_request_events'),
    outbox: await count('delivery_outbox'),
    notifications: await count('access_request_notifications'),
  };
}

describe.each(databases.eachSupportedId())('faults on %s', databaseId => {
  let knex: Knex;
  let store: DatabaseAccessRequestStore;
  const extraConnections: Knex[] = [];

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    store = await createStore(knex);
  });

  afterEach(async () => {
    await Promise.all(extraConnections.splice(0).map(c => c.destroy()));
  });

  /** On PostgreSQL, two replicas with their own pools race; SQLite has one writer anyway. */
  async function replicas(): Promise<DatabaseAccessRequestStore[]> {
    if (knex.client.dialect !== 'postgresql') {
      return [store];
    }
    const other = secondConnection(knex);
    extraConnections.push(other);
    return [store, await createStore(other, { skipMigrations: true })];
  }

  it.each([
    [
      'approve and reject, all at the version they saw',
      { expectedVersion: 1, mixed: true },
    ],
    ['approve double-clicks, without a version', { mixed: false }],
  ])('50 concurrent decisions (%s) leave exactly one', async (_, options) => {
    const { request } = await store.create(newRequest());
    const stores = await replicas();

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (__, i) =>
        stores[i % stores.length].transition(decision(request.id, i, options)),
      ),
    );

    const won = results.filter(r => r.status === 'fulfilled');
    const lost = results.filter(
      (r): r is PromiseRejectedResult => r.status === 'rejected',
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const failure of lost) {
      expect(failure.reason).toBeInstanceOf(ConflictError);
    }
    const final = await store.get(request.id);
    expect(final?.version).toBe(2);
    const counts = await rowCounts(knex, request.id);
    expect(counts.events).toBe(2);
    expect(counts.outbox).toBe(final?.state === 'approved' ? 1 : 0);
    // The 49 that lost queued no notification: only the winner's change is told.
    expect(counts.notifications).toBe(1);
    expect(options.mixed ? ['approved', 'rejected'] : ['approved']).toContain(
      final?.state,
    );
  });

  it('a decision that dies before its commit leaves the request untouched', async () => {
    const { request } = await store.create(newRequest());
    await failOutboxInserts(knex, true);

    expect(
      await rejectionOf(
        store.transition(
          decision(request.id, 0, { expectedVersion: 1, mixed: false }),
        ),
      ),
    ).toMatch(/simulated crash/);

    expect(await store.get(request.id)).toEqual(request);
    expect(await rowCounts(knex, request.id)).toEqual({
      events: 1,
      outbox: 0,
      notifications: 0,
    });

    // Nothing was left half-done or locked: the same decision goes through afterwards.
    await failOutboxInserts(knex, false);
    const approved = await store.transition(
      decision(request.id, 0, { expectedVersion: 1, mixed: false }),
    );
    expect(approved.state).toBe('approved');
    expect(await rowCounts(knex, request.id)).toEqual({
      events: 2,
      outbox: 1,
      notifications: 1,
    });
  });
});

// Two connections to one database and a connection to kill: PostgreSQL only. (An in-memory
// SQLite dies with its process: there is nothing left to look at afterwards.)
const postgresIds = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

for (const [databaseId] of postgresIds) {
  describe(`a backend killed in the middle of deciding, on ${databaseId}`, () => {
    let doomed: Knex | undefined;
    afterEach(() => doomed?.destroy());

    it('leaves the request untouched', async () => {
      const knex = await databases.init(databaseId);
      const store = await createStore(knex);
      const { request } = await store.create(newRequest());
      doomed = secondConnection(knex);
      const doomedStore = await createStore(doomed, { skipMigrations: true });
      // The decision stops inside its transaction, after the update and history row.
      await knex.raw(`
        CREATE FUNCTION stall_outbox() RETURNS trigger AS $$
        BEGIN PERFORM pg_sleep(30); RETURN NEW; END; $$ LANGUAGE plpgsql`);
      await knex.raw(`
        CREATE TRIGGER stall_outbox BEFORE INSERT ON delivery_outbox
        FOR EACH ROW EXECUTE PROCEDURE stall_outbox()`);

      const deciding = doomedStore
        .transition(
          decision(request.id, 0, { expectedVersion: 1, mixed: false }),
        )
        .then(
          () => 'committed',
          () => 'died',
        );
      const pid = await waitForStalledBackend(knex);
      await knex.raw('SELECT pg_terminate_backend(?)', [pid]);

      expect(await deciding).toBe('died');
      await knex.raw('DROP TRIGGER stall_outbox ON delivery_outbox');
      expect(await store.get(request.id)).toEqual(request);
      expect(await rowCounts(knex, request.id)).toEqual({
        events: 1,
        outbox: 0,
        notifications: 0,
      });
      const approved = await store.transition(
        decision(request.id, 1, { expectedVersion: 1, mixed: false }),
      );
      expect(approved.version).toBe(2);
    });
  });
}

/** A fault inside the database, in the transaction of the decision, after its update. */
async function failOutboxInserts(knex: Knex, on: boolean) {
  if (knex.client.dialect === 'postgresql') {
    if (on) {
      await knex.raw(`
        CREATE FUNCTION fail_outbox() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'simulated crash'; END; $$ LANGUAGE plpgsql`);
      await knex.raw(`
        CREATE TRIGGER fail_outbox BEFORE INSERT ON delivery_outbox
        FOR EACH ROW EXECUTE PROCEDURE fail_outbox()`);
    } else {
      await knex.raw('DROP TRIGGER fail_outbox ON delivery_outbox');
    }
  } else if (on) {
    await knex.raw(`
      CREATE TRIGGER fail_outbox BEFORE INSERT ON delivery_outbox
      BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
  } else {
    await knex.raw('DROP TRIGGER fail_outbox');
  }
}

async function waitForStalledBackend(knex: Knex): Promise<number> {
  const database = knex.client.config.connection.database;
  for (let i = 0; i < 100; i++) {
    const rows = await knex('pg_stat_activity')
      .select('pid')
      .where({ datname: database, wait_event: 'PgSleep' });
    if (rows.length === 1) {
      return rows[0].pid;
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error('The decision never reached the outbox insert');
}
