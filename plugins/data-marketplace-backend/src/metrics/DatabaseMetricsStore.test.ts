import { knex as knexFactory, type Knex } from 'knex';
import { createStore, createTestDatabases } from './__testUtils__/databases';
import {
  ASSET,
  BROKERAGE,
  seededEvents,
  seededReuse,
} from './__testUtils__/seededHistory';
import { DatabaseMetricsStore } from './DatabaseMetricsStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/**
 * A second pool on the same database, as a second backend replica has. SQLite's test
 * database lives in one connection's memory, so there the "replica" shares the pool.
 */
function replicaOf(knex: Knex): { knex: Knex; close(): Promise<void> } {
  if (knex.client.dialect !== 'postgresql') {
    return { knex, close: async () => {} };
  }
  const { client, connection } = knex.client.config;
  const replica = knexFactory({ client, connection, pool: { min: 0, max: 5 } });
  return { knex: replica, close: () => replica.destroy() };
}

describe.each(databases.eachSupportedId())(
  'DatabaseMetricsStore on %s',
  databaseId => {
    let knex: Knex;
    let store: DatabaseMetricsStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await createStore(knex);
    });

    describe('cycle events', () => {
      it('keeps what it is given, and reads it back oldest end first', async () => {
        expect(await store.addCycleEvents(seededEvents)).toBe(
          seededEvents.length,
        );

        const read = await store.listCycleEvents();
        const byEnd = [...seededEvents].sort((a, b) =>
          a.endedAt.localeCompare(b.endedAt),
        );
        expect(read).toEqual(byEnd);
      });

      it('records an event once, however often and by however many replicas it is collected', async () => {
        const replica = replicaOf(knex);
        try {
          const other = new DatabaseMetricsStore(replica.knex);
          const counts = await Promise.all([
            store.addCycleEvents(seededEvents),
            other.addCycleEvents(seededEvents),
            store.addCycleEvents(seededEvents.slice(0, 3)),
          ]);
          // Each run reports what it found new; whoever wrote first, there is one copy.
          expect(counts.every(n => n <= seededEvents.length)).toBe(true);
          expect(await store.addCycleEvents(seededEvents)).toBe(0);
          const [{ n }] = await knex('metrics_cycle_events').count({ n: '*' });
          expect(Number(n)).toBe(seededEvents.length);
        } finally {
          await replica.close();
        }
      });

      it('leaves a recorded event as it was: a measured lead time is history', async () => {
        const [first] = seededEvents;
        await store.addCycleEvents([first]);
        await store.addCycleEvents([
          { ...first, domain: ASSET, startedAt: '2026-01-01T00:00:00.000Z' },
        ]);
        expect(await store.listCycleEvents()).toEqual([first]);
      });

      it('tells the same key apart in different cycles', async () => {
        const [creation] = seededEvents;
        expect(
          await store.addCycleEvents([creation, { ...creation, cycle: 2 }]),
        ).toBe(2);
      });

      it('filters by cycle, domain and the end of the cycle (from inclusive, to exclusive)', async () => {
        await store.addCycleEvents(seededEvents);
        const keys = async (
          filter: Parameters<typeof store.listCycleEvents>[0],
        ) => (await store.listCycleEvents(filter)).map(e => e.eventKey);

        expect(await keys({ cycle: 3, domain: BROKERAGE })).toEqual([
          'request-0',
          'request-1',
          'request-2',
          'request-3',
        ]);
        expect(
          await keys({
            cycle: 3,
            endedFrom: new Date('2026-11-04T12:00:00Z'),
            endedBefore: new Date('2026-11-20T12:00:00Z'),
          }),
        ).toEqual(['request-1', 'request-2', 'request-4']);
        expect(await keys({ domain: ASSET })).toEqual([
          'dataproduct:default/office-portfolio',
          'request-4',
        ]);
      });

      it('accepts an empty batch', async () => {
        expect(await store.addCycleEvents([])).toBe(0);
      });

      it('writes batches larger than a statement may bind', async () => {
        const many = Array.from({ length: 450 }, (_, i) => ({
          ...seededEvents[4],
          eventKey: `request-${i}`,
        }));
        expect(await store.addCycleEvents(many)).toBe(450);
        expect(await store.listCycleEvents({ cycle: 3 })).toHaveLength(450);
      });
    });

    describe('version sightings', () => {
      it('keeps the first time each version was seen', async () => {
        const tenancy = 'dataproduct:default/tenancy-analytics';
        await store.recordVersionSightings(
          [{ productRef: tenancy, version: '1.0.0' }],
          new Date('2026-11-01T00:00:00Z'),
        );
        await store.recordVersionSightings(
          [
            { productRef: tenancy, version: '1.0.0' },
            { productRef: tenancy, version: '1.1.0' },
          ],
          new Date('2026-11-02T00:00:00Z'),
        );
        expect(await store.listVersionSightings()).toEqual([
          {
            productRef: tenancy,
            version: '1.0.0',
            firstSeenAt: '2026-11-01T00:00:00.000Z',
          },
          {
            productRef: tenancy,
            version: '1.1.0',
            firstSeenAt: '2026-11-02T00:00:00.000Z',
          },
        ]);
      });
    });

    describe('reuse snapshots', () => {
      async function seed() {
        for (const day of ['2026-11-01', '2026-11-20']) {
          await store.saveReuseSnapshot(
            day,
            seededReuse
              .filter(row => row.day === day)
              .map(({ day: _, ...row }) => row),
          );
        }
      }

      it('keeps one snapshot per day, the latest collection of the day winning', async () => {
        await seed();
        const tenancy = 'dataproduct:default/tenancy-analytics';
        // Later that day: Ratings left the catalog, Tenancy gained a consumer.
        await store.saveReuseSnapshot('2026-11-20', [
          { productRef: tenancy, domain: BROKERAGE, consumers: 4 },
          {
            productRef: 'dataproduct:default/office-portfolio',
            domain: ASSET,
            consumers: 1,
          },
          {
            productRef: 'dataproduct:default/leases',
            domain: ASSET,
            consumers: 0,
          },
        ]);
        const latest = await store.listReuseSnapshots({
          fromDay: '2026-11-20',
        });
        expect(latest).toEqual([
          {
            day: '2026-11-20',
            productRef: 'dataproduct:default/leases',
            domain: ASSET,
            consumers: 0,
          },
          {
            day: '2026-11-20',
            productRef: 'dataproduct:default/office-portfolio',
            domain: ASSET,
            consumers: 1,
          },
          {
            day: '2026-11-20',
            productRef: tenancy,
            domain: BROKERAGE,
            consumers: 4,
          },
        ]);
        expect(
          await store.listReuseSnapshots({ toDay: '2026-11-19' }),
        ).toHaveLength(2);
      });

      it('filters by domain', async () => {
        await seed();
        expect(
          (await store.listReuseSnapshots({ domain: ASSET })).map(
            r => r.productRef,
          ),
        ).toEqual([
          'dataproduct:default/leases',
          'dataproduct:default/office-portfolio',
        ]);
      });

      it('keeps a product without a domain', async () => {
        await store.saveReuseSnapshot('2026-11-21', [
          { productRef: 'dataproduct:default/orphan', consumers: 2 },
        ]);
        expect(await store.listReuseSnapshots()).toEqual([
          {
            day: '2026-11-21',
            productRef: 'dataproduct:default/orphan',
            consumers: 2,
          },
        ]);
      });
    });
  },
);
