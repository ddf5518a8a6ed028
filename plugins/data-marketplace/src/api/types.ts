/*
 * The shapes the data-marketplace backend answers with, copied from
 * @datamesh/plugin-data-marketplace-backend (src/database/GovernanceStore.ts,
 * src/metrics/report.ts and statistics.ts, src/search/types.ts) and its openapi.yaml files. A frontend must not
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

/**
 * The facets of the marketplace index. All but `governance` come from the catalog (domain
 * and owner as lowercase entity refs, the rest lowercase); `governance` is the product's
 * governance status.
 *
 * @public
 */
export type MarketplaceFacet =
  | 'domain'
  | 'owner'
  | 'type'
  | 'classification'
  | 'lifecycle'
  | 'tag'
  | 'port'
  | 'governance';

/**
 * `relevance`: titles that start with the term, then titles that contain it, then the other
 * matches (without a term: by title); `name`: by title; `newest`: latest listed first;
 * `most-consumed`: most consumers first.
 *
 * @public
 */
export type MarketplaceSort = 'relevance' | 'name' | 'newest' | 'most-consumed';

/**
 * Selected values per facet: OR within a facet, AND across facets.
 *
 * @public
 */
export type MarketplaceFilters = Partial<Record<MarketplaceFacet, string[]>>;

/**
 * GET /marketplace/products, as its query parameters (`q` is the term).
 *
 * @public
 */
export interface MarketplaceQueryRequest {
  /** Words that must all appear in a product's text (case-insensitive). */
  term?: string;
  filters: MarketplaceFilters;
  sort: MarketplaceSort;
  offset: number;
  /** At most 100. */
  limit: number;
}

/** @public */
export interface FacetCount {
  value: string;
  count: number;
}

/**
 * What a marketplace card shows of a DataProduct entity: the entity trimmed to these fields.
 *
 * @public
 */
export interface ProductCardEntity {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace: string;
    title?: string;
    description?: string;
    tags?: string[];
    annotations?: Record<string, string>;
  };
  spec: {
    domain?: string;
    owner?: string;
    type?: string;
    classification?: string;
    lifecycle?: string;
    version?: string;
    description?: { purpose?: string };
    /** A JSON object (the backend's JsonObject). */
    sla?: Record<string, unknown>;
    outputPorts?: Array<{ name: string; type?: string }>;
  };
}

/**
 * One product of a marketplace page.
 *
 * @public
 */
export interface ProductCard {
  /** Lowercase `dataproduct:namespace/name`. */
  entityRef: string;
  entity: ProductCardEntity;
  /** Its dataProductConsumedBy relations. */
  consumerCount: number;
  /** Null when the governance evaluator has not evaluated it (yet). */
  governanceStatus: GovernanceStatus | null;
}

/** @public */
export interface MarketplaceQueryResult {
  items: ProductCard[];
  /** Products matching the whole query, over all pages. */
  totalItems: number;
  /**
   * Per facet, its values and how many products each would give: counted under every other
   * facet's selection and the term, but not the facet's own selection. Most products first;
   * a selected value is listed even when no product has it any more.
   */
  facets: Record<MarketplaceFacet, FacetCount[]>;
}

/**
 * GET /marketplace/products
 *
 * @public
 */
export interface MarketplaceProductsResponse extends MarketplaceQueryResult {
  /** When the indexer last finished a run (ISO 8601); null before its first run. */
  indexedAt: string | null;
}
