import { DatabaseGovernanceStore } from '../database';
import { record } from '../database/__testUtils__/storeTestKit';
import {
  createIndexStore,
  createTestDatabases,
  databaseService,
} from './__testUtils__/databases';
import { ref, seedIndex } from './__testUtils__/seededIndex';
import { isPostgres } from './tables';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'copying governance statuses onto the index on %s',
  databaseId => {
    it('copies the statuses that changed, clears those whose result is gone, and writes nothing when all agree', async () => {
      const knex = await databases.init(databaseId);
      await seedIndex(knex);
      const store = await createIndexStore(knex);
      const governance = await DatabaseGovernanceStore.create({
        database: databaseService(knex),
        skipMigrations: true,
      });
      const statusesIn = async (table: string) =>
        Object.fromEntries(
          (await knex(table).select('entity_ref', 'governance')).map(row => [
            row.entity_ref,
            row.governance,
          ]),
        );
      const statuses = () => statusesIn('marketplace_products');
      // PostgreSQL's search rows copy the statuses a page with a term counts and filters on
      // (SQLite's hold only the text).
      const copies = isPostgres(knex) ? ['marketplace_product_search'] : [];
      const before = await statuses();
      expect(before[ref('entity-ratings')]).toBe('warning');
      for (const table of copies) {
        expect(await statusesIn(table)).toEqual(before);
      }

      // Entity ratings now fails, rentals is evaluated for the first time, rent roll's
      // result goes (as when its product leaves the catalog).
      await governance.applyChanges({
        write: [
          record('entity-ratings', 'failing'),
          record('rentals', 'passing'),
        ],
        remove: [ref('rent-roll')],
        at: new Date('2026-11-21T11:00:00Z'),
      });
      expect(await statuses()).toEqual(before);

      expect(await store.copyGovernanceStatuses()).toBe(3);
      const after = {
        ...before,
        [ref('entity-ratings')]: 'failing',
        [ref('rentals')]: 'passing',
        [ref('rent-roll')]: null,
      };
      expect(await statuses()).toEqual(after);
      for (const table of copies) {
        expect(await statusesIn(table)).toEqual(after);
      }
      expect(await store.copyGovernanceStatuses()).toBe(0);
    });
  },
);
