import type {
  GovernanceRuleResult,
  GovernanceStatus,
} from '@datamesh/plugin-data-mesh-common';

/**
 * One product's governance result as the evaluator writes it. Refs are lowercase
 * (`dataproduct:default/tenancy-analytics`), as the catalog compares them.
 */
export interface ProductGovernanceRecord {
  entityRef: string;
  domain?: string;
  owner?: string;
  status: GovernanceStatus;
  results: GovernanceRuleResult[];
  /** Failed results of severity error, and of severity warning. */
  failedErrors: number;
  failedWarnings: number;
  /** Hash of everything above: a run rewrites the row only when it differs. */
  hash: string;
}

/** What a product's result was computed from: a run re-evaluates it when this changed. */
export interface ProductInputs {
  /** See governance/inputsDigest.ts. */
  digest: string;
  /** The refs the rules looked up, lowercase and sorted. */
  dependsOn: string[];
}

/** What a run needs to know of the stored results to tell what changed. */
export interface StoredResultDigest {
  hash: string;
  status: GovernanceStatus;
}

/** A product's status line, as lists and the worst offenders show it. */
export interface ProductStatusLine {
  entityRef: string;
  domain: string | null;
  owner: string | null;
  status: GovernanceStatus;
  failedErrors: number;
  failedWarnings: number;
  /** When this result was computed (ISO); it has held since. */
  evaluatedAt: string;
}

/** A product's full result: GET /governance/products/:kind/:namespace/:name. */
export interface ProductGovernance extends ProductStatusLine {
  results: GovernanceRuleResult[];
}

/**
 * Product statuses counted. `compliance` is the share of products that are not failing
 * (passing or only warned), in percent with one decimal; null when there are no products.
 */
export interface StatusCounts {
  products: number;
  passing: number;
  warning: number;
  failing: number;
  compliance: number | null;
}

export interface DomainCompliance extends StatusCounts {
  /** Entity ref of the domain; null for products that name no domain. */
  domain: string | null;
}

/** How many products a rule passed and failed on; compliance in percent, one decimal. */
export interface RuleCompliance {
  ruleId: string;
  passed: number;
  failed: number;
  compliance: number | null;
}

/** One day of the trend, from the daily snapshots. */
export interface TrendPoint extends StatusCounts {
  /** YYYY-MM-DD (UTC). */
  day: string;
  rules: RuleCompliance[];
}

/** The last finished evaluation of the mesh. */
export interface EvaluationRun {
  finishedAt: string;
  products: number;
  written: number;
  removed: number;
  durationMs: number;
}

/** GET /governance/summary: the mesh as a whole. */
export interface MeshGovernanceSummary {
  lastRun: EvaluationRun | null;
  totals: StatusCounts;
  domains: DomainCompliance[];
  rules: RuleCompliance[];
  /** Products with the most failed errors, then warnings; passing products never. */
  worstOffenders: ProductStatusLine[];
  trend: TrendPoint[];
}

/** GET /governance/domains/...: one domain. */
export interface DomainGovernance {
  domain: string;
  lastRun: EvaluationRun | null;
  totals: StatusCounts;
  rules: RuleCompliance[];
  /** Every product of the domain, worst first. */
  products: ProductStatusLine[];
  trend: TrendPoint[];
}

/** The period of a trend: `days` days up to and including `today` (YYYY-MM-DD). */
export interface TrendWindow {
  today: string;
  days: number;
}

/**
 * Where governance results live: the current result per product, the per-rule outcomes
 * and the daily snapshots, in the plugin's database (DatabaseGovernanceStore). Every write
 * is idempotent, so two replicas writing the same result leave one row.
 */
export interface GovernanceStore {
  /** The stored results' hashes and statuses, by entity ref. */
  digests(): Promise<Map<string, StoredResultDigest>>;
  /** What each product's stored result was computed from, by entity ref. */
  inputs(): Promise<Map<string, ProductInputs>>;
  /**
   * Writes (inserts or replaces) these results and removes those products' results; records
   * what the products evaluated in the run were computed from (`inputs`, whether or not
   * their result changed).
   */
  applyChanges(changes: {
    write: ProductGovernanceRecord[];
    remove: string[];
    inputs?: Array<ProductInputs & { entityRef: string }>;
    at: Date;
  }): Promise<void>;
  /**
   * Takes the day's snapshot from the stored results: only if the day has none yet, or,
   * with `replace`, over the day's earlier one (the day then shows its latest state).
   */
  takeSnapshot(
    day: string,
    options: { replace: boolean; at: Date },
  ): Promise<void>;
  recordRun(
    run: Omit<EvaluationRun, 'finishedAt'> & { at: Date },
  ): Promise<void>;

  product(entityRef: string): Promise<ProductGovernance | undefined>;
  /** Entity ref to status, for the refs that have a result. */
  statuses(entityRefs: string[]): Promise<Record<string, GovernanceStatus>>;
  domain(domainRef: string, trend: TrendWindow): Promise<DomainGovernance>;
  summary(options: {
    worstOffenders: number;
    trend: TrendWindow;
  }): Promise<MeshGovernanceSummary>;
}
