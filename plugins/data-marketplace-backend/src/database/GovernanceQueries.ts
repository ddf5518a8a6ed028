import type { Knex } from 'knex';
import type {
  DomainCompliance,
  DomainGovernance,
  MeshGovernanceSummary,
  ProductGovernance,
  ProductStatusLine,
  RuleCompliance,
  StatusCounts,
  TrendWindow,
} from './GovernanceStore';
import { readTrend } from './snapshots';
import {
  isTrue,
  MESH_RUN_ID,
  RESULTS,
  ResultRow,
  RULE_OUTCOMES,
  ruleCompliance,
  RunRow,
  RUNS,
  STATUS_LINE_COLUMNS,
  statusCounts,
  toRun,
  toStatusLine,
} from './tables';

type Scope = { domain?: string };

/** The read side of the store: one product, one domain, the mesh. */
export class GovernanceQueries {
  constructor(private readonly db: Knex) {}

  async product(entityRef: string): Promise<ProductGovernance | undefined> {
    const row = await this.db<ResultRow>(RESULTS)
      .where('entity_ref', entityRef)
      .first();
    return row
      ? { ...toStatusLine(row), results: JSON.parse(row.results) }
      : undefined;
  }

  async domain(
    domainRef: string,
    trend: TrendWindow,
  ): Promise<DomainGovernance> {
    const scope = { domain: domainRef };
    const [lastRun, totals, rules, products, points] = await Promise.all([
      this.lastRun(),
      this.totals(scope),
      this.rules(scope),
      this.statusLines(scope),
      readTrend(this.db, trend, domainRef),
    ]);
    return {
      domain: domainRef,
      lastRun,
      totals,
      rules,
      products,
      trend: points,
    };
  }

  async summary(options: {
    worstOffenders: number;
    trend: TrendWindow;
  }): Promise<MeshGovernanceSummary> {
    const [lastRun, domains, rules, worstOffenders, trend] = await Promise.all([
      this.lastRun(),
      this.domains(),
      this.rules({}),
      this.statusLines({ onlyFailures: true, limit: options.worstOffenders }),
      readTrend(this.db, options.trend),
    ]);
    const totals = statusCounts({
      passing: sum(domains, 'passing'),
      warning: sum(domains, 'warning'),
      failing: sum(domains, 'failing'),
    });
    return { lastRun, totals, domains, rules, worstOffenders, trend };
  }

  private async lastRun() {
    return toRun(await this.db<RunRow>(RUNS).where('id', MESH_RUN_ID).first());
  }

  private async statusCountsBy(scope: Scope) {
    const query = this.db(RESULTS)
      .select('domain', 'status')
      .count({ n: '*' })
      .groupBy('domain', 'status');
    if (scope.domain !== undefined) {
      query.where('domain', scope.domain);
    }
    const rows = (await query) as Array<{
      domain: string | null;
      status: string;
      n: unknown;
    }>;
    const byDomain = new Map<string | null, Record<string, number>>();
    for (const row of rows) {
      byDomain.set(row.domain, {
        ...byDomain.get(row.domain),
        [row.status]: Number(row.n),
      });
    }
    return byDomain;
  }

  private async totals(scope: Scope): Promise<StatusCounts> {
    const counts = [...(await this.statusCountsBy(scope)).values()];
    return statusCounts({
      passing: counts.reduce((n, c) => n + (c.passing ?? 0), 0),
      warning: counts.reduce((n, c) => n + (c.warning ?? 0), 0),
      failing: counts.reduce((n, c) => n + (c.failing ?? 0), 0),
    });
  }

  /** Every domain with products, by ref; products without a domain last. */
  private async domains(): Promise<DomainCompliance[]> {
    return [...(await this.statusCountsBy({}))]
      .map(([domain, counts]) => ({ domain, ...statusCounts(counts) }))
      .sort(byDomainRef);
  }

  /** Every rule that ran, by id. */
  private async rules(scope: Scope): Promise<RuleCompliance[]> {
    const query = this.db(RULE_OUTCOMES)
      .select('rule_id', 'passed')
      .count({ n: '*' })
      .groupBy('rule_id', 'passed');
    if (scope.domain !== undefined) {
      query.where('domain', scope.domain);
    }
    const rows = (await query) as Array<{
      rule_id: string;
      passed: unknown;
      n: unknown;
    }>;
    const byRule = new Map<string, { passed: number; failed: number }>();
    for (const row of rows) {
      const counts = byRule.get(row.rule_id) ?? { passed: 0, failed: 0 };
      counts[isTrue(row.passed) ? 'passed' : 'failed'] += Number(row.n);
      byRule.set(row.rule_id, counts);
    }
    return [...byRule]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ruleId, c]) => ruleCompliance(ruleId, c.passed, c.failed));
  }

  /** Products worst first: most failed errors, then most failed warnings, then by ref. */
  private async statusLines(
    options: Scope & { onlyFailures?: boolean; limit?: number },
  ): Promise<ProductStatusLine[]> {
    const query = this.db<ResultRow>(RESULTS)
      .select(...STATUS_LINE_COLUMNS)
      .orderBy([
        { column: 'failed_errors', order: 'desc' },
        { column: 'failed_warnings', order: 'desc' },
        { column: 'entity_ref', order: 'asc' },
      ]);
    if (options.domain !== undefined) {
      query.where('domain', options.domain);
    }
    if (options.onlyFailures) {
      query.whereNot('status', 'passing');
    }
    if (options.limit !== undefined) {
      query.limit(options.limit);
    }
    return (await query).map(toStatusLine);
  }
}

/** By domain ref; products without a domain (null) last. */
function byDomainRef(a: DomainCompliance, b: DomainCompliance): number {
  if (a.domain === null || b.domain === null) {
    return Number(a.domain === null) - Number(b.domain === null);
  }
  return a.domain.localeCompare(b.domain);
}

function sum(items: StatusCounts[], key: 'passing' | 'warning' | 'failing') {
  return items.reduce((n, item) => n + item[key], 0);
}
