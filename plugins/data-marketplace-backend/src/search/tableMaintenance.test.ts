import type { Knex } from 'knex';
import {
  createIndexStore,
  createTestDatabases,
} from './__testUtils__/databases';
import { seededEntities } from './__testUtils__/seededIndex';
import type { MarketplaceIndexStore } from './MarketplaceIndexStore';
import { QUERIED_TABLES } from './tableMaintenance';
import { PRODUCTS } from './tables';
import { toIndexedProduct } from './toIndexedProduct';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** n products as the indexer writes them, named product-0 … */
function products(n: number) {
  const [template] = seededEntities();
  return Array.from({ length: n }, (_, i) => ({
    ...toIndexedProduct({
      ...template,
      metadata: { ...template.metadata, name: `product-${i}` },
    }),
    sourceEtag: null,
  }));
}

async function rowsAtLastAnalyze(knex: Knex, table: string) {
  const { rows } = await knex.raw(
    'SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)',
    [table],
  );
  return Number(rows[0].reltuples);
}

/**
 * The tables maintained by runs until `expected` were (PostgreSQL counts a connection's
 * writes in its statistics some seconds after them).
 */
async function maintainedUntil(
  store: MarketplaceIndexStore,
  expected: string[],
  ms: number,
) {
  const maintained = new Set<string>();
  const deadline = Date.now() + ms;
  while (!expected.every(table => maintained.has(table))) {
    if (Date.now() > deadline) {
      break;
    }
    (await store.maintainTables()).forEach(t => maintained.add(t));
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  return [...maintained].sort();
}

const byDatabase = (postgres: boolean) =>
  databases
    .eachSupportedId()
    .filter(([id]) => id.startsWith('POSTGRES') === postgres)
    .map(([id]) => id);

for (const databaseId of byDatabase(true)) {
  describe(`maintenance of the marketplace tables on ${databaseId}`, () => {
    it('vacuums and analyzes tables never analyzed, then those a bulk write changed, and no others', async () => {
      const knex = await databases.init(databaseId);
      const store = await createIndexStore(knex);
      expect(await rowsAtLastAnalyze(knex, PRODUCTS)).toBe(-1);
      expect(await store.maintainTables()).toEqual([...QUERIED_TABLES].sort());
      expect(await rowsAtLastAnalyze(knex, PRODUCTS)).toBe(0);
      expect(await store.maintainTables()).toEqual([]);

      // A bulk write: the tables written are vacuumed and analyzed, governance_results (not written) not.
      await store.write(products(300), { at: new Date(), replacing: [] });
      const written = [
        'marketplace_product_details',
        'marketplace_product_search',
        'marketplace_product_values',
        PRODUCTS,
      ];
      expect(await maintainedUntil(store, written, 30_000)).toEqual(written);
      expect(await rowsAtLastAnalyze(knex, PRODUCTS)).toBe(300);
      const { rows } = await knex.raw(
        'SELECT vacuum_count FROM pg_stat_user_tables WHERE relid = to_regclass(?)',
        [PRODUCTS],
      );
      expect(Number(rows[0].vacuum_count)).toBe(2);
    });
  });
}

for (const databaseId of byDatabase(false)) {
  describe(`maintenance of the marketplace tables on ${databaseId}`, () => {
    it('gathers no statistics: the queries were planned for SQLite without them', async () => {
      const knex = await databases.init(databaseId);
      const store = await createIndexStore(knex);
      await store.write(products(100), { at: new Date(), replacing: [] });
      expect(await store.maintainTables()).toEqual([]);
      expect(await knex('sqlite_master').where('name', 'sqlite_stat1')).toEqual(
        [],
      );
    });
  });
}
