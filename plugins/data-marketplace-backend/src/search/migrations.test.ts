import type { Knex } from 'knex';
import { DatabaseGovernanceStore } from '../database';
import { createTestDatabases } from './__testUtils__/databases';
import { seedIndex } from './__testUtils__/seededIndex';
import { MarketplaceQuery } from './MarketplaceQuery';
import { isPostgres } from './tables';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const TABLES = [
  'marketplace_products',
  'marketplace_product_details',
  'marketplace_product_values',
  'marketplace_index_runs',
];
const MIGRATION = '20261121120000_marketplace_index.js';
/** Adds to the index (source_etag) and to governance (governance_inputs). */
const INCREMENTAL = '20261206000000_incremental_runs.js';
const directory = DatabaseGovernanceStore.migrationsDirectory;

/** The tables of the migration that exist, SQLite's FTS5 table among them. */
async function existingTables(knex: Knex): Promise<string[]> {
  const tables = isPostgres(knex)
    ? TABLES
    : [...TABLES, 'marketplace_product_search'];
  const present: string[] = [];
  for (const table of tables) {
    if (await knex.schema.hasTable(table)) {
      present.push(table);
    }
  }
  return present;
}

const countRows = async (knex: Knex, table: string) =>
  Number((await knex(table).count({ n: '*' }))[0].n);

const firstPage = (knex: Knex) =>
  new MarketplaceQuery(knex).query({
    term: 'ratings',
    filters: {},
    sort: 'relevance',
    offset: 0,
    limit: 24,
  });

describe.each(databases.eachSupportedId())(
  'marketplace index migration on %s',
  databaseId => {
    it('goes up with the plugin’s other migrations, holds data, comes down with data in it, and goes up again', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      const all = await existingTables(knex);
      expect(all).toHaveLength(isPostgres(knex) ? 4 : 5);

      await seedIndex(knex);
      expect(await countRows(knex, 'marketplace_products')).toBe(7);
      expect((await firstPage(knex)).totalItems).toBe(3);

      await knex.migrate.down({ directory, name: INCREMENTAL });
      await knex.migrate.down({ directory, name: MIGRATION });
      expect(await existingTables(knex)).toEqual([]);
      // The governance results it indexed stay, without the index it added to them.
      expect(await countRows(knex, 'governance_results')).toBe(7);

      await knex.migrate.latest({ directory });
      expect(await existingTables(knex)).toEqual(all);
      expect(await countRows(knex, 'marketplace_products')).toBe(0);
      await knex('governance_results').delete();
      await seedIndex(knex);
      expect((await firstPage(knex)).totalItems).toBe(3);
    });

    it('adds the versions runs compare with, and takes them away again keeping the index', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      await seedIndex(knex);
      await knex('marketplace_products').update({ source_etag: 'e1' });
      await knex('governance_inputs').insert({
        entity_ref: 'dataproduct:default/rentals',
        inputs_digest: 'd1',
        depends_on: '["group:default/rentals-team"]',
      });

      await knex.migrate.down({ directory, name: INCREMENTAL });
      expect(await knex.schema.hasTable('governance_inputs')).toBe(false);
      expect(
        await knex.schema.hasColumn('marketplace_products', 'source_etag'),
      ).toBe(false);
      expect(await countRows(knex, 'marketplace_products')).toBe(7);
      expect((await firstPage(knex)).totalItems).toBe(3);

      await knex.migrate.latest({ directory });
      // Rows read before versions were kept have none: the next run reads them again.
      expect(
        (await knex('marketplace_products').distinct('source_etag')).map(
          r => r.source_etag,
        ),
      ).toEqual([null]);
      expect(await countRows(knex, 'governance_inputs')).toBe(0);
    });

    it('documents every table and column, and indexes search text by trigrams where it can', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      if (!isPostgres(knex)) {
        return; // SQLite keeps no comments; PostgreSQL shows that the migration wrote them.
      }
      const { rows: tables } = await knex.raw(
        'SELECT relname FROM pg_class WHERE relname = ANY(?) AND obj_description(oid) IS NULL',
        [TABLES],
      );
      expect(tables).toEqual([]);
      const { rows: columns } = await knex.raw(
        `SELECT c.table_name, c.column_name
           FROM information_schema.columns c
          WHERE c.table_name = ANY(?)
            AND col_description(
                  (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass,
                  c.ordinal_position) IS NULL`,
        [TABLES],
      );
      expect(columns).toEqual([]);

      const { rows: trigram } = await knex.raw(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'",
      );
      const { rows: indexes } = await knex.raw(
        "SELECT indexdef FROM pg_indexes WHERE indexname = 'marketplace_product_details_search_idx'",
      );
      expect(indexes).toHaveLength(trigram.length);
    });
  },
);
