import type { Knex } from 'knex';
import {
  createIndexStore,
  createTestDatabases,
} from './__testUtils__/databases';
import { seededEntities } from './__testUtils__/seededIndex';
import type { MarketplaceIndexStore } from './MarketplaceIndexStore';
import { QUERIED_TABLES } from './plannerStatistics';
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
 * The tables analyzed by runs until `expected` were (PostgreSQL counts a connection's
 * writes in its statistics some seconds after them).
 */
async function analyzedUntil(
  store: MarketplaceIndexStore,
  expected: string[],
  ms: number,
) {
  const analyzed = new Set<string>();
  const deadline = Date.now() + ms;
  while (!expected.every(table => analyzed.has(table))) {
    if (Date.now() > deadline) {
      break;
    }
    (await store.keepStatisticsCurrent()).forEach(t => analyzed.add(t));
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  return [...analyzed].sort();
}

const byDatabase = (postgres: boolean) =>
  databases
    .eachSupportedId()
    .filter(([id]) => id.startsWith('POSTGRES') === postgres)
    .map(([id]) => id);

for (const databaseId of byDatabase(true)) {
  describe(`planner statistics of the marketplace tables on ${databaseId}`, () => {
    it('analyzes tables never analyzed, then those a bulk write changed, and no others', async () => {
      const knex = await databases.init(databaseId);
      const store = await createIndexStore(knex);
      expect(await rowsAtLastAnalyze(knex, PRODUCTS)).toBe(-1);
      expect(await store.keepStatisticsCurrent()).toEqual(
        [...QUERIED_TABLES].sort(),
      );
      expect(await rowsAtLastAnalyze(knex, PRODUCTS)).toBe(0);
      expect(await store.keepStatisticsCurrent()).toEqual([]);

      // A bulk write: the tables written are analyzed, governance_results (not written) not.
      await store.write(products(300), { at: new Date(), replacing: [] });
      const written = [
        'marketplace_product_details',
        'marketplace_product_values',
        PRODUCTS,
      ];
      expect(await analyzedUntil(store, written, 30_000)).toEqual(written);
      expect(await rowsAtLastAnalyze(knex, PRODUCTS)).toBe(300);
    });
  });
}

for (const databaseId of byDatabase(false)) {
  describe(`planner statistics of the marketplace tables on ${databaseId}`, () => {
    it('are not gathered: the queries were planned for SQLite without them', async () => {
      const knex = await databases.init(databaseId);
      const store = await createIndexStore(knex);
      await store.write(products(100), { at: new Date(), replacing: [] });
      expect(await store.keepStatisticsCurrent()).toEqual([]);
      expect(await knex('sqlite_master').where('name', 'sqlite_stat1')).toEqual(
        [],
      );
    });
  });
}
