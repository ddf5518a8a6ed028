/*
 * The shapes the data-marketplace backend answers with, copied from
 * @datamesh/plugin-data-marketplace-backend (src/database/GovernanceStore.ts,
 * src/metrics/report.ts and statistics.ts) and its openapi.yaml files. A frontend must not
 * import a backend package, so they live here; keep them in step with the backend.
 */

/**
 * `failing` if a rule of severity error failed, else `warning` if a warning failed.
 *
 * @public
 */
export type GovernanceStatus = 'passing' | 'warning' | 'failing';

/**
 * How much a broken rule weighs: an error fails the product, a warning only flags it.
 *
 * @public
 */
export type PolicySeverity = 'error' | 'warning';

/**
 * One rule's verdict on one product.
 *
 * @public
 */
export interface GovernanceRuleResult {
  ruleId: string;
  severity: PolicySeverity;
  passed: boolean;
  /** On failure, what the owner has to change; on success, what the rule checked. */
  message: string;
  /** The field the result is about (`spec.outputPorts[1].contract`). */
  path?: string;
}

/**
 * A product's status line, as lists and the worst offenders show it.
 *
 * @public
 */
export interface ProductStatusLine {
  /** Lower case: `dataproduct:default/tenancy-analytics`. */
  entityRef: string;
  domain: string | null;
  owner: string | null;
  status: GovernanceStatus;
  failedErrors: number;
  failedWarnings: number;
  /** When this result was computed (ISO); it has held since. */
  evaluatedAt: string;
}

/**
 * GET /governance/products/:kind/:namespace/:name
 *
 * @public
 */
export interface ProductGovernance extends ProductStatusLine {
  results: GovernanceRuleResult[];
}

/**
 * `compliance`: percent of products not failing, one decimal; null without products.
 *
 * @public
 */
export interface StatusCounts {
  products: number;
  passing: number;
  warning: number;
  failing: number;
  compliance: number | null;
}

/** @public */
export interface DomainCompliance extends StatusCounts {
  /** Entity ref of the domain; null for products that name no domain. */
  domain: string | null;
}

/** @public */
export interface RuleCompliance {
  ruleId: string;
  passed: number;
  failed: number;
  compliance: number | null;
}

/** @public */
export interface TrendPoint extends StatusCounts {
  /** YYYY-MM-DD (UTC). */
  day: string;
  rules: RuleCompliance[];
}

/** @public */
export interface EvaluationRun {
  finishedAt: string;
  products: number;
  written: number;
  removed: number;
  durationMs: number;
}

/**
 * GET /governance/summary
 *
 * @public
 */
export interface MeshGovernanceSummary {
  lastRun: EvaluationRun | null;
  totals: StatusCounts;
  domains: DomainCompliance[];
  rules: RuleCompliance[];
  /** Most failed errors first, then warnings; passing products never. */
  worstOffenders: ProductStatusLine[];
  trend: TrendPoint[];
}

/**
 * GET /governance/domains/:namespace/:name
 *
 * @public
 */
export interface DomainGovernance {
  domain: string;
  lastRun: EvaluationRun | null;
  totals: StatusCounts;
  rules: RuleCompliance[];
  products: ProductStatusLine[];
  trend: TrendPoint[];
}

/**
 * One mesh-wide rule of GET /governance/policies; `params` depend on `type`.
 *
 * @public
 */
export interface GovernancePolicy {
  id: string;
  type: string;
  severity: PolicySeverity;
  message?: string;
  description?: string;
  enabled: boolean;
  appliesTo: { kind?: string; selector?: Record<string, string[]> };
  params?: Record<string, unknown>;
}

/**
 * The three lead times: 1 creating, 2 updating, 3 consuming a product.
 *
 * @public
 */
export type Cycle = 1 | 2 | 3;

/**
 * Week (ISO, `2026-W47`) or month (`2026-11`).
 *
 * @public
 */
export type MetricsPeriod = 'week' | 'month';

/**
 * Median and p90 (nearest rank) of lead times in hours, to the hundredth.
 *
 * @public
 */
export interface Distribution {
  count: number;
  median: number | null;
  p90: number | null;
}

/**
 * Cycle 3 also splits its lead time into waiting for decision and for delivery.
 *
 * @public
 */
export interface CycleStats {
  hours: Distribution;
  decisionHours?: Distribution;
  deliveryHours?: Distribution;
}

/** @public */
export interface ReuseStats {
  products: number;
  productsWithoutConsumer: number;
  /** From 0 to 1; null without products. */
  shareWithoutConsumer: number | null;
  consumersPerProduct: {
    mean: number | null;
    median: number | null;
    p90: number | null;
  };
}

/**
 * The window a metrics answer covers, echoed back; null where not set.
 *
 * @public
 */
export interface MetricsWindowEcho {
  from: string | null;
  to: string | null;
  domain: string | null;
}

/** @public */
export interface CycleSummary extends CycleStats {
  cycle: Cycle;
  name: string;
  byDomain: Array<{ domain: string | null } & CycleStats>;
}

/**
 * GET /metrics/summary
 *
 * @public
 */
export interface MetricsSummary extends MetricsWindowEcho {
  reuse: {
    /** The snapshot day the numbers describe; null before the first collection. */
    day: string | null;
    overall: ReuseStats;
    byDomain: Array<{ domain: string | null } & ReuseStats>;
  };
  cycles: CycleSummary[];
}

/**
 * A point of a time series: a period and its first day (YYYY-MM-DD).
 *
 * @public
 */
export type PeriodPoint<S> = { period: string; start: string } & S;

/**
 * GET /metrics/timeseries
 *
 * @public
 */
export interface CycleTimeseries extends MetricsWindowEcho {
  cycle: Cycle;
  period: MetricsPeriod;
  overall: Array<PeriodPoint<CycleStats>>;
  byDomain: Array<{
    domain: string | null;
    points: Array<PeriodPoint<CycleStats>>;
  }>;
}

/** @public */
export type ReusePoint = PeriodPoint<ReuseStats & { day: string | null }>;

/**
 * GET /metrics/reuse/timeseries
 *
 * @public
 */
export interface ReuseTimeseries extends MetricsWindowEcho {
  period: MetricsPeriod;
  overall: ReusePoint[];
  byDomain: Array<{ domain: string | null; points: ReusePoint[] }>;
}

/**
 * `from` (inclusive) and `to` (exclusive) bound when a lead time ended.
 *
 * @public
 */
export interface MetricsQuery {
  /** A day (YYYY-MM-DD) or an ISO date-time with a zone. */
  from?: string;
  to?: string;
  /** `brokerage` or `domain:default/brokerage`. */
  domain?: string;
}

/** @public */
export type MetricsExportFormat = 'csv' | 'json';

/**
 * GET /metrics/export, as a file to save.
 *
 * @public
 */
export interface MetricsExport {
  blob: Blob;
  /** From the Content-Disposition header; `mesh-metrics.<format>` without one. */
  fileName: string;
}
