import type { GovernanceStatus } from '@datamesh/plugin-data-mesh-common';
import type {
  EvaluationRun,
  ProductStatusLine,
  RuleCompliance,
  StatusCounts,
} from './GovernanceStore';

/** The tables of migrations/20261121100000_governance.js, and their rows. */
export const RESULTS = 'governance_results';
export const RULE_OUTCOMES = 'governance_rule_outcomes';
export const DOMAIN_SNAPSHOTS = 'governance_domain_snapshots';
export const RULE_SNAPSHOTS = 'governance_rule_snapshots';
export const RUNS = 'governance_runs';
/** Of migrations/20261206000000_incremental_runs.js. */
export const INPUTS = 'governance_inputs';

/** The one row of governance_runs. */
export const MESH_RUN_ID = 'mesh';

/** Snapshots key products without a domain by '' (a key column cannot be null). */
export const NO_DOMAIN = '';

/** PostgreSQL returns timestamps as Date, SQLite as epoch milliseconds. */
export type DbTimestamp = Date | number | string;

export interface ResultRow {
  entity_ref: string;
  domain: string | null;
  owner: string | null;
  status: GovernanceStatus;
  failed_errors: number;
  failed_warnings: number;
  results: string;
  result_hash: string;
  evaluated_at: DbTimestamp;
}

export interface InputsRow {
  entity_ref: string;
  inputs_digest: string;
  /** JSON array of refs. */
  depends_on: string;
}

export interface RuleOutcomeRow {
  entity_ref: string;
  rule_id: string;
  domain: string | null;
  passed: boolean;
}

export interface RunRow {
  id: string;
  finished_at: DbTimestamp;
  products: number;
  written: number;
  removed: number;
  duration_ms: number;
}

/** The columns of a status line (everything but the results JSON). */
export const STATUS_LINE_COLUMNS = [
  'entity_ref',
  'domain',
  'owner',
  'status',
  'failed_errors',
  'failed_warnings',
  'evaluated_at',
] as const;

export function toIso(value: DbTimestamp): string {
  return new Date(value).toISOString();
}

export function toStatusLine(
  row: Omit<ResultRow, 'results' | 'result_hash'>,
): ProductStatusLine {
  return {
    entityRef: row.entity_ref,
    domain: row.domain,
    owner: row.owner,
    status: row.status,
    failedErrors: Number(row.failed_errors),
    failedWarnings: Number(row.failed_warnings),
    evaluatedAt: toIso(row.evaluated_at),
  };
}

export function toRun(row: RunRow | undefined): EvaluationRun | null {
  return row
    ? {
        finishedAt: toIso(row.finished_at),
        products: Number(row.products),
        written: Number(row.written),
        removed: Number(row.removed),
        durationMs: Number(row.duration_ms),
      }
    : null;
}

/** A share in percent with one decimal; null when there is nothing to count. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** Counts of passing, warning and failing products, with their compliance. */
export function statusCounts(counts: {
  passing?: number;
  warning?: number;
  failing?: number;
}): StatusCounts {
  const passing = Number(counts.passing ?? 0);
  const warning = Number(counts.warning ?? 0);
  const failing = Number(counts.failing ?? 0);
  const products = passing + warning + failing;
  return {
    products,
    passing,
    warning,
    failing,
    compliance: percent(passing + warning, products),
  };
}

export function ruleCompliance(
  ruleId: string,
  passed: number,
  failed: number,
): RuleCompliance {
  return {
    ruleId,
    passed,
    failed,
    compliance: percent(passed, passed + failed),
  };
}

/** SQLite answers booleans as 0 and 1, PostgreSQL as true and false. */
export function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

/** Splits a list into chunks, to keep statements under the databases' parameter limits. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}
