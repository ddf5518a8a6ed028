import type { Knex } from 'knex';
import type { TrendPoint, TrendWindow } from './GovernanceStore';
import {
  chunks,
  DOMAIN_SNAPSHOTS,
  isTrue,
  NO_DOMAIN,
  RESULTS,
  RULE_OUTCOMES,
  RULE_SNAPSHOTS,
  ruleCompliance,
  statusCounts,
} from './tables';

const ROWS_PER_INSERT = 500;

/**
 * Takes the day's snapshot from the stored results. Without `replace` it writes only if the
 * day has no snapshot yet (the cheap path of a run that changed nothing); with it, the day's
 * rows are rewritten, so a day shows its latest state. Keys are (day, domain[, rule]) and
 * inserts upsert, so replicas taking the same snapshot at once leave one row per key.
 */
export async function takeSnapshot(
  db: Knex,
  day: string,
  options: { replace: boolean; at: Date },
): Promise<void> {
  if (!options.replace) {
    const existing = await db(DOMAIN_SNAPSHOTS).where({ day }).first('day');
    if (existing) {
      return;
    }
  }
  const byDomain = new Map<string, Record<string, number>>();
  const statusRows: Array<{
    domain: string | null;
    status: string;
    n: unknown;
  }> = await db(RESULTS)
    .select('domain', 'status')
    .count({ n: '*' })
    .groupBy('domain', 'status');
  for (const row of statusRows) {
    const key = row.domain ?? NO_DOMAIN;
    byDomain.set(key, { ...byDomain.get(key), [row.status]: Number(row.n) });
  }
  const domainRows = [...byDomain].map(([domain, counts]) => {
    const { products, passing, warning, failing } = statusCounts(counts);
    return {
      day,
      domain,
      products,
      passing,
      warning,
      failing,
      taken_at: options.at,
    };
  });

  const ruleCounts = new Map<string, { passed: number; failed: number }>();
  const outcomeRows: Array<{
    domain: string | null;
    rule_id: string;
    passed: unknown;
    n: unknown;
  }> = await db(RULE_OUTCOMES)
    .select('domain', 'rule_id', 'passed')
    .count({ n: '*' })
    .groupBy('domain', 'rule_id', 'passed');
  for (const row of outcomeRows) {
    const key = `${row.domain ?? NO_DOMAIN}\n${row.rule_id}`;
    const counts = ruleCounts.get(key) ?? { passed: 0, failed: 0 };
    counts[isTrue(row.passed) ? 'passed' : 'failed'] += Number(row.n);
    ruleCounts.set(key, counts);
  }
  const ruleRows = [...ruleCounts].map(([key, counts]) => {
    const [domain, ruleId] = key.split('\n');
    return { day, domain, rule_id: ruleId, ...counts };
  });

  await db.transaction(async tx => {
    if (options.replace) {
      // A domain whose last product left keeps no row for the day.
      await tx(RULE_SNAPSHOTS).where({ day }).delete();
      await tx(DOMAIN_SNAPSHOTS).where({ day }).delete();
    }
    for (const rows of chunks(domainRows, ROWS_PER_INSERT)) {
      const insert = tx(DOMAIN_SNAPSHOTS)
        .insert(rows)
        .onConflict(['day', 'domain']);
      await (options.replace ? insert.merge() : insert.ignore());
    }
    for (const rows of chunks(ruleRows, ROWS_PER_INSERT)) {
      const insert = tx(RULE_SNAPSHOTS)
        .insert(rows)
        .onConflict(['day', 'domain', 'rule_id']);
      await (options.replace ? insert.merge() : insert.ignore());
    }
  });
}

/** The first day of a window of `days` days that ends on `today` (YYYY-MM-DD, UTC). */
export function firstDayOf(window: TrendWindow): string {
  const start = new Date(`${window.today}T00:00:00.000Z`);
  start.setUTCDate(start.getUTCDate() - (window.days - 1));
  return start.toISOString().slice(0, 10);
}

/** The trend of the whole mesh, or of one domain, from the daily snapshots. */
export async function readTrend(
  db: Knex,
  window: TrendWindow,
  domain?: string,
): Promise<TrendPoint[]> {
  const inWindow = (query: Knex.QueryBuilder) => {
    query
      .where('day', '>=', firstDayOf(window))
      .where('day', '<=', window.today);
    if (domain !== undefined) {
      query.where('domain', domain);
    }
    return query;
  };
  const days: Array<Record<string, unknown>> = await inWindow(
    db(DOMAIN_SNAPSHOTS)
      .select('day')
      .sum({ passing: 'passing', warning: 'warning', failing: 'failing' })
      .groupBy('day')
      .orderBy('day'),
  );
  const rules: Array<Record<string, unknown>> = await inWindow(
    db(RULE_SNAPSHOTS)
      .select('day', 'rule_id')
      .sum({ passed: 'passed', failed: 'failed' })
      .groupBy('day', 'rule_id')
      .orderBy(['day', 'rule_id']),
  );
  return days.map(row => ({
    day: String(row.day),
    ...statusCounts(row as Record<string, number>),
    rules: rules
      .filter(r => r.day === row.day)
      .map(r =>
        ruleCompliance(String(r.rule_id), Number(r.passed), Number(r.failed)),
      ),
  }));
}
