import type { Knex } from 'knex';
import {
  createStore,
  createTestDatabases,
  record,
} from './__testUtils__/storeTestKit';
import { DatabaseGovernanceStore } from './DatabaseGovernanceStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const TABLES = [
  'governance_results',
  'governance_rule_outcomes',
  'governance_domain_snapshots',
  'governance_rule_snapshots',
  'governance_runs',
];
const directory = DatabaseGovernanceStore.migrationsDirectory;
// Moved by name: later migrations of this package (the mesh metrics) share the folder.
const name = '20261121100000_governance.js';

async function existingTables(knex: Knex): Promise<string[]> {
  const present: string[] = [];
  for (const table of TABLES) {
    if (await knex.schema.hasTable(table)) {
      present.push(table);
    }
  }
  return present;
}

/** Fills every table: results, outcomes, a day's snapshot and the last run. */
async function fillWithData(knex: Knex) {
  const store = await createStore(knex, { skipMigrations: true });
  const at = new Date('2026-11-21T10:00:00Z');
  await store.applyChanges({
    write: [
      record('tenancy-analytics', 'failing'),
      record('entity-ratings', 'passing'),
    ],
    remove: [],
    at,
  });
  await store.takeSnapshot('2026-11-21', { replace: false, at });
  await store.recordRun({
    products: 2,
    written: 2,
    removed: 0,
    durationMs: 5,
    at,
  });
  return store;
}

describe.each(databases.eachSupportedId())('migrations on %s', databaseId => {
  it('go up, hold data, come down with data in them, and go up again', async () => {
    const knex = await databases.init(databaseId);

    await knex.migrate.up({ directory, name });
    expect(await existingTables(knex)).toEqual(TABLES);
    const store = await fillWithData(knex);
    expect(
      (
        await store.summary({
          worstOffenders: 5,
          trend: { today: '2026-11-21', days: 1 },
        })
      ).trend,
    ).toHaveLength(1);

    await knex.migrate.down({ directory, name });
    expect(await existingTables(knex)).toEqual([]);

    await knex.migrate.up({ directory, name });
    expect(await existingTables(knex)).toEqual(TABLES);
    const [{ n }] = await knex('governance_results').count({ n: '*' });
    expect(Number(n)).toBe(0);
    // Everything works again after the round trip.
    const again = await fillWithData(knex);
    expect(
      (await again.product('dataproduct:default/tenancy-analytics'))?.status,
    ).toBe('failing');
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
