import { createTestDatabases } from './__testUtils__/databases';
import { ref, seedIndex } from './__testUtils__/seededIndex';
import { WholeIndexCounts } from './WholeIndexCounts';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const V1 = '2026-11-21T10:00:00.000Z';
const V2 = '2026-11-21T10:01:00.000Z';

describe.each(databases.eachSupportedId())(
  'WholeIndexCounts on %s',
  databaseId => {
    it('counts tags and port types by combination in the background, and answers from them once counted', async () => {
      const knex = await databases.init(databaseId);
      await seedIndex(knex);
      const whole = new WholeIndexCounts(knex);
      expect(await whole.valuesByCombination(null)).toBeUndefined();
      // The first request for a version does not wait.
      expect(await whole.valuesByCombination(V1)).toBeUndefined();
      let counted;
      for (let i = 0; i < 100 && !counted; i++) {
        await new Promise(resolve => setTimeout(resolve, 20));
        counted = await whole.valuesByCombination(V1);
      }
      // Each seeded product has a combination of its own.
      expect(counted).toHaveLength(7);
      const rentRoll = counted!.find(
        c =>
          c.combination.domain === 'domain:default/asset' &&
          c.combination.governance === 'failing',
      );
      expect(Object.fromEntries(rentRoll!.values)).toEqual({
        'port:table': 1,
        'tag:leases': 1,
        'tag:rent': 1,
      });

      // A request that read an older version is not answered from a newer one's counts.
      await knex('marketplace_products')
        .where({ entity_ref: ref('rent-roll') })
        .delete();
      expect(
        await whole.valuesByCombination('2026-11-21T09:00:00.000Z'),
      ).toBeUndefined();
      expect(await whole.valuesByCombination(V1)).toBe(counted);
      const awaited = new WholeIndexCounts(knex, { awaitValues: true });
      expect(await awaited.valuesByCombination(V2)).toHaveLength(6);
    });

    it('keeps nothing when there are more rows than it may keep', async () => {
      const knex = await databases.init(databaseId);
      await seedIndex(knex);
      // 7 combinations with 19 tags and port types in all.
      const tight = new WholeIndexCounts(knex, {
        maxKeptRows: 18,
        awaitValues: true,
      });
      expect(await tight.valuesByCombination(V1)).toBeUndefined();
      const enough = new WholeIndexCounts(knex, {
        maxKeptRows: 19,
        awaitValues: true,
      });
      expect(await enough.valuesByCombination(V1)).toHaveLength(7);
    });
  },
);
