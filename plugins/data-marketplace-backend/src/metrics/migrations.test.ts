import type { Knex } from 'knex';
import { createStore, createTestDatabases } from './__testUtils__/databases';
import { seededEvents } from './__testUtils__/seededHistory';
import { DatabaseMetricsStore } from './DatabaseMetricsStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const TABLES = [
  'metrics_cycle_events',
  'metrics_version_sightings',
  'metrics_reuse_snapshots',
];
const MIGRATION = '20261121110000_metrics.js';
const directory = DatabaseMetricsStore.migrationsDirectory;

async function existingTables(knex: Knex): Promise<string[]> {
  const present: string[] = [];
  for (const table of TABLES) {
    if (await knex.schema.hasTable(table)) {
      present.push(table);
    }
  }
  return present;
}

async function fillWithData(knex: Knex) {
  const store = await createStore(knex, { skipMigrations: true });
  await store.addCycleEvents(seededEvents);
  await store.recordVersionSightings(
    [{ productRef: 'dataproduct:default/tenancy-analytics', version: '1.0.0' }],
    new Date('2026-11-01T00:00:00Z'),
  );
  await store.saveReuseSnapshot('2026-11-20', [
    { productRef: 'dataproduct:default/tenancy-analytics', consumers: 3 },
  ]);
}

describe.each(databases.eachSupportedId())(
  'metrics migration on %s',
  databaseId => {
    it('goes up with the plugin’s other migrations, holds data, comes down with data in it, and goes up again', async () => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest({ directory });
      expect(await existingTables(knex)).toEqual(TABLES);
      await fillWithData(knex);

      // The metrics migration is the newest of the folder: down() undoes it alone.
      const [, pending] = await knex.migrate.list({ directory });
      expect(pending).toEqual([]);
      await knex.migrate.down({ directory, name: MIGRATION });
      expect(await existingTables(knex)).toEqual([]);

      await knex.migrate.latest({ directory });
      expect(await existingTables(knex)).toEqual(TABLES);
      const rows = async (table: string) =>
        Number((await knex(table).count({ n: '*' }))[0].n);
      for (const table of TABLES) {
        expect(await rows(table)).toBe(0);
      }
      await fillWithData(knex);
      expect(await rows('metrics_cycle_events')).toBe(seededEvents.length);
      expect(await rows('metrics_version_sightings')).toBe(1);
      expect(await rows('metrics_reuse_snapshots')).toBe(1);
    });

    it('documents every column', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      if (knex.client.dialect !== 'postgresql') {
        return; // SQLite keeps no comments; PostgreSQL shows that the migration wrote them.
      }
      const tableComments = await knex.raw(
        'SELECT obj_description(?::regclass) AS comment',
        ['metrics_cycle_events'],
      );
      expect(tableComments.rows[0].comment).toMatch(/lead time/);
      const { rows } = await knex.raw(
        `SELECT c.table_name, c.column_name
         FROM information_schema.columns c
        WHERE c.table_name = ANY(?)
          AND col_description(
                (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass,
                c.ordinal_position) IS NULL`,
        [TABLES],
      );
      expect(rows).toEqual([]);
    });
  },
);
