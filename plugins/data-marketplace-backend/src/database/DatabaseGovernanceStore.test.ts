import type { Knex } from 'knex';
import {
  BROKERAGE,
  CAPITAL,
  createStore,
  createTestDatabases,
  fail,
  pass,
  record,
  replicaConnection,
} from './__testUtils__/storeTestKit';
import type { DatabaseGovernanceStore } from './DatabaseGovernanceStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const T1 = new Date('2026-11-20T08:00:00.000Z');
const T2 = new Date('2026-11-21T09:30:00.000Z');
const window = (today: string, days = 30) => ({ today, days });

describe.each(databases.eachSupportedId())(
  'DatabaseGovernanceStore on %s',
  databaseId => {
    let knex: Knex;
    let store: DatabaseGovernanceStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await createStore(knex);
    });

    describe('results', () => {
      it('writes a product result and reads it back whole', async () => {
        const tenancy = record('tenancy-analytics', 'failing');
        await store.applyChanges({ write: [tenancy], remove: [], at: T1 });

        expect(await store.product(tenancy.entityRef)).toEqual({
          entityRef: 'dataproduct:default/tenancy-analytics',
          domain: BROKERAGE,
          owner: 'group:default/brokerage-data-team',
          status: 'failing',
          failedErrors: 1,
          failedWarnings: 0,
          evaluatedAt: T1.toISOString(),
          results: tenancy.results,
        });
        expect(await store.product('dataproduct:default/nope')).toBeUndefined();
        expect(await store.digests()).toEqual(
          new Map([
            [
              tenancy.entityRef,
              { hash: 'tenancy-analytics-failing', status: 'failing' },
            ],
          ]),
        );
      });

      it('replaces a result, drops outcomes of rules that no longer run, and removes products', async () => {
        const tenancy = record('tenancy-analytics', 'failing');
        const ratings = record('entity-ratings', 'passing');
        await store.applyChanges({
          write: [tenancy, ratings],
          remove: [],
          at: T1,
        });

        // mesh/quality no longer applies to tenancy; a new rule does.
        const fixed = {
          ...record('tenancy-analytics', 'passing'),
          results: [pass('mesh/owner'), pass('mesh/new-rule')],
        };
        await store.applyChanges({ write: [fixed], remove: [], at: T2 });
        expect(await store.product(tenancy.entityRef)).toMatchObject({
          status: 'passing',
          evaluatedAt: T2.toISOString(),
          results: fixed.results,
        });
        const outcomes = await knex('governance_rule_outcomes')
          .where('entity_ref', tenancy.entityRef)
          .orderBy('rule_id')
          .select('rule_id');
        expect(outcomes.map(o => o.rule_id)).toEqual([
          'mesh/new-rule',
          'mesh/owner',
        ]);

        await store.applyChanges({
          write: [],
          remove: [ratings.entityRef],
          at: T2,
        });
        expect(await store.product(ratings.entityRef)).toBeUndefined();
        expect(
          await knex('governance_rule_outcomes').where(
            'entity_ref',
            ratings.entityRef,
          ),
        ).toEqual([]);
        expect([...(await store.digests()).keys()]).toEqual([
          tenancy.entityRef,
        ]);
      });

      it('counts a rule with several results as failed when one of them fails', async () => {
        const mixed = {
          ...record('credit-risk-dashboard', 'warning'),
          results: [
            pass('mesh/owner'),
            pass('mesh/upstream'),
            fail('mesh/upstream', 'warning'),
          ],
        };
        await store.applyChanges({ write: [mixed], remove: [], at: T1 });
        const summary = await store.summary({
          worstOffenders: 10,
          trend: window('2026-11-20'),
        });
        expect(summary.rules).toEqual([
          { ruleId: 'mesh/owner', passed: 1, failed: 0, compliance: 100 },
          { ruleId: 'mesh/upstream', passed: 0, failed: 1, compliance: 0 },
        ]);
      });

      it('answers the statuses of many refs at once, leaving out unknown ones', async () => {
        const many = Array.from({ length: 1200 }, (_, i) =>
          record(`product-${i}`, i % 3 === 0 ? 'failing' : 'passing'),
        );
        await store.applyChanges({ write: many, remove: [], at: T1 });

        const statuses = await store.statuses([
          ...many.map(r => r.entityRef),
          'dataproduct:default/unknown',
        ]);
        expect(Object.keys(statuses)).toHaveLength(1200);
        expect(statuses['dataproduct:default/product-3']).toBe('failing');
        expect(statuses['dataproduct:default/product-4']).toBe('passing');
        expect(statuses['dataproduct:default/unknown']).toBeUndefined();
      });
    });

    describe('summaries', () => {
      beforeEach(async () => {
        await store.applyChanges({
          write: [
            record('tenancy-analytics', 'failing', {
              failedErrors: 3,
              hash: 'a',
            }),
            record('entity-ratings', 'passing'),
            record('rental-income-forecast', 'failing', { domain: CAPITAL }),
            record('credit-risk-dashboard', 'warning', { domain: CAPITAL }),
            record('orphan', 'warning', {
              domain: undefined,
              failedWarnings: 2,
            }),
          ],
          remove: [],
          at: T1,
        });
        await store.recordRun({
          products: 5,
          written: 5,
          removed: 0,
          durationMs: 42,
          at: T1,
        });
      });

      it('gives the mesh per domain, per rule, its worst offenders and its last run', async () => {
        const summary = await store.summary({
          worstOffenders: 3,
          trend: window('2026-11-20'),
        });
        expect(summary.lastRun).toEqual({
          finishedAt: T1.toISOString(),
          products: 5,
          written: 5,
          removed: 0,
          durationMs: 42,
        });
        expect(summary.totals).toEqual({
          products: 5,
          passing: 1,
          warning: 2,
          failing: 2,
          compliance: 60,
        });
        expect(summary.domains).toEqual([
          {
            domain: BROKERAGE,
            products: 2,
            passing: 1,
            warning: 0,
            failing: 1,
            compliance: 50,
          },
          {
            domain: CAPITAL,
            products: 2,
            passing: 0,
            warning: 1,
            failing: 1,
            compliance: 50,
          },
          {
            domain: null,
            products: 1,
            passing: 0,
            warning: 1,
            failing: 0,
            compliance: 100,
          },
        ]);
        expect(summary.rules).toEqual([
          { ruleId: 'mesh/owner', passed: 3, failed: 2, compliance: 60 },
          { ruleId: 'mesh/quality', passed: 3, failed: 2, compliance: 60 },
        ]);
        expect(
          summary.worstOffenders.map(p => [
            p.entityRef,
            p.failedErrors,
            p.failedWarnings,
          ]),
        ).toEqual([
          ['dataproduct:default/tenancy-analytics', 3, 0],
          ['dataproduct:default/rental-income-forecast', 1, 0],
          ['dataproduct:default/orphan', 0, 2],
        ]);
        // No snapshot taken yet: no trend.
        expect(summary.trend).toEqual([]);
      });

      it('never lists a passing product among the worst offenders', async () => {
        const summary = await store.summary({
          worstOffenders: 100,
          trend: window('2026-11-20'),
        });
        expect(summary.worstOffenders.map(p => p.status).sort()).toEqual([
          'failing',
          'failing',
          'warning',
          'warning',
        ]);
      });

      it('gives one domain: its counts, rules and products worst first', async () => {
        const domain = await store.domain(CAPITAL, window('2026-11-20'));
        expect(domain.domain).toBe(CAPITAL);
        expect(domain.totals).toMatchObject({
          products: 2,
          warning: 1,
          failing: 1,
        });
        expect(domain.rules).toEqual([
          { ruleId: 'mesh/owner', passed: 1, failed: 1, compliance: 50 },
          { ruleId: 'mesh/quality', passed: 1, failed: 1, compliance: 50 },
        ]);
        expect(domain.products.map(p => p.entityRef)).toEqual([
          'dataproduct:default/rental-income-forecast',
          'dataproduct:default/credit-risk-dashboard',
        ]);
        expect(domain.lastRun?.products).toBe(5);

        const empty = await store.domain(
          'domain:default/nowhere',
          window('2026-11-20'),
        );
        expect(empty.totals).toEqual({
          products: 0,
          passing: 0,
          warning: 0,
          failing: 0,
          compliance: null,
        });
        expect(empty.products).toEqual([]);
      });
    });

    describe('daily snapshots', () => {
      const snapshotRows = async () => ({
        domains: await knex('governance_domain_snapshots')
          .orderBy(['day', 'domain'])
          .select('day', 'domain', 'products', 'passing', 'warning', 'failing'),
        rules: await knex('governance_rule_snapshots').count({ n: '*' }),
      });

      it('are taken once a day unless asked to replace, and draw the trend', async () => {
        await store.applyChanges({
          write: [
            record('tenancy-analytics', 'failing'),
            record('rental-income-forecast', 'passing', { domain: CAPITAL }),
            record('orphan', 'passing', { domain: undefined }),
          ],
          remove: [],
          at: T1,
        });
        await store.takeSnapshot('2026-11-20', { replace: false, at: T1 });

        // Later that day, tenancy is fixed: without replace the day keeps its first counts.
        await store.applyChanges({
          write: [record('tenancy-analytics', 'passing')],
          remove: [],
          at: T1,
        });
        await store.takeSnapshot('2026-11-20', { replace: false, at: T1 });
        expect((await snapshotRows()).domains).toEqual([
          {
            day: '2026-11-20',
            domain: '',
            products: 1,
            passing: 1,
            warning: 0,
            failing: 0,
          },
          {
            day: '2026-11-20',
            domain: BROKERAGE,
            products: 1,
            passing: 0,
            warning: 0,
            failing: 1,
          },
          {
            day: '2026-11-20',
            domain: CAPITAL,
            products: 1,
            passing: 1,
            warning: 0,
            failing: 0,
          },
        ]);

        // With replace the day shows its latest state, still one row per domain.
        await store.takeSnapshot('2026-11-20', { replace: true, at: T1 });
        const replaced = await snapshotRows();
        expect(replaced.domains).toHaveLength(3);
        expect(replaced.domains[1]).toMatchObject({ passing: 1, failing: 0 });

        // The next day, capital markets' product leaves the catalog.
        await store.applyChanges({
          write: [record('tenancy-analytics', 'warning')],
          remove: ['dataproduct:default/rental-income-forecast'],
          at: T2,
        });
        await store.takeSnapshot('2026-11-21', { replace: true, at: T2 });

        const trend = (
          await store.summary({
            worstOffenders: 0,
            trend: window('2026-11-21', 7),
          })
        ).trend;
        expect(trend.map(({ rules, ...counts }) => counts)).toEqual([
          {
            day: '2026-11-20',
            products: 3,
            passing: 3,
            warning: 0,
            failing: 0,
            compliance: 100,
          },
          {
            day: '2026-11-21',
            products: 2,
            passing: 1,
            warning: 1,
            failing: 0,
            compliance: 100,
          },
        ]);
        expect(trend[1].rules).toEqual([
          { ruleId: 'mesh/owner', passed: 2, failed: 0, compliance: 100 },
          { ruleId: 'mesh/quality', passed: 1, failed: 1, compliance: 50 },
        ]);

        // A one-day window keeps only today; a domain's trend only its own rows.
        expect(
          (
            await store.summary({
              worstOffenders: 0,
              trend: window('2026-11-21', 1),
            })
          ).trend.map(p => p.day),
        ).toEqual(['2026-11-21']);
        const capital = await store.domain(CAPITAL, window('2026-11-21'));
        expect(capital.trend.map(p => [p.day, p.products])).toEqual([
          ['2026-11-20', 1],
        ]);
      });
    });

    describe('two replicas on one database', () => {
      it('write the same results and snapshots at once and leave one row per key', async () => {
        const other = replicaConnection(knex);
        try {
          const replica = await createStore(other.knex);
          const batch = Array.from({ length: 300 }, (_, i) =>
            record(`product-${i}`, i % 2 ? 'passing' : 'failing', {
              domain: i % 3 ? BROKERAGE : CAPITAL,
            }),
          );
          for (let round = 0; round < 3; round++) {
            await Promise.all(
              [store, replica].map(async s => {
                await s.applyChanges({ write: batch, remove: [], at: T1 });
                await s.takeSnapshot('2026-11-20', {
                  replace: round > 0,
                  at: T1,
                });
              }),
            );
          }
          const [{ n: results }] = await knex('governance_results').count({
            n: '*',
          });
          const [{ n: outcomes }] = await knex(
            'governance_rule_outcomes',
          ).count({ n: '*' });
          expect(Number(results)).toBe(300);
          expect(Number(outcomes)).toBe(600);
          const snapshots = await snapshotCounts(knex);
          expect(snapshots).toEqual({ domains: 2, rules: 4 });
        } finally {
          await other.close();
        }
      });
    });
  },
);

async function snapshotCounts(knex: Knex) {
  const [{ n: domains }] = await knex('governance_domain_snapshots').count({
    n: '*',
  });
  const [{ n: rules }] = await knex('governance_rule_snapshots').count({
    n: '*',
  });
  return { domains: Number(domains), rules: Number(rules) };
}
