import { createTestDatabases } from './__testUtils__/databases';
import { postgresTextArray } from './productConditions';

const databases = createTestDatabases();
const postgresIds = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'))
  .map(([id]) => id);

for (const databaseId of postgresIds) {
  describe(`postgresTextArray on ${databaseId}`, () => {
    it('is read back by PostgreSQL as the same texts', async () => {
      const knex = await databases.init(databaseId);
      const texts = [
        'dataproduct:default/entity-ratings',
        'with "quotes", commas, {braces}',
        'back\\slash\\"',
        'NULL',
        '',
        'ünïcødé',
      ];
      const { rows } = await knex.raw('SELECT CAST(? AS text[]) AS texts', [
        postgresTextArray(texts),
      ]);
      expect(rows[0].texts).toEqual(texts);
    });
  });
}
