import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { GovernanceStatus } from '@datamesh/plugin-data-mesh-common';
import type { Knex } from 'knex';
import { GovernanceQueries } from './GovernanceQueries';
import type {
  DomainGovernance,
  GovernanceStore,
  MeshGovernanceSummary,
  ProductGovernance,
  ProductGovernanceRecord,
  ProductInputs,
  StoredResultDigest,
  TrendWindow,
  EvaluationRun,
} from './GovernanceStore';
import { takeSnapshot } from './snapshots';
import {
  chunks,
  INPUTS,
  InputsRow,
  MESH_RUN_ID,
  RESULTS,
  ResultRow,
  RULE_OUTCOMES,
  RuleOutcomeRow,
  RUNS,
} from './tables';

const migrationsDir = resolvePackagePath(
  '@datamesh/plugin-data-marketplace-backend',
  'migrations',
);

// Rows per statement: well under SQLite's and PostgreSQL's limits on bound parameters.
const RESULTS_PER_BATCH = 200;
const OUTCOMES_PER_INSERT = 500;
const REFS_PER_QUERY = 500;
const INPUTS_PER_INSERT = 300;

function toResultRow(record: ProductGovernanceRecord, at: Date): ResultRow {
  return {
    entity_ref: record.entityRef,
    domain: record.domain ?? null,
    owner: record.owner ?? null,
    status: record.status,
    failed_errors: record.failedErrors,
    failed_warnings: record.failedWarnings,
    results: JSON.stringify(record.results),
    result_hash: record.hash,
    evaluated_at: at,
  };
}

/** One row per rule that ran on the product: passed unless one of its results failed. */
function toOutcomeRows(record: ProductGovernanceRecord): RuleOutcomeRow[] {
  const passed = new Map<string, boolean>();
  for (const result of record.results) {
    passed.set(
      result.ruleId,
      (passed.get(result.ruleId) ?? true) && result.passed,
    );
  }
  return [...passed].map(([ruleId, ok]) => ({
    entity_ref: record.entityRef,
    rule_id: ruleId,
    domain: record.domain ?? null,
    passed: ok,
  }));
}

/**
 * Governance results and their daily snapshots in the plugin's own database (SQLite or
 * PostgreSQL), through knex. Writes are upserts keyed by entity ref (and rule, and day),
 * so replicas that write the same thing at once leave one row.
 */
export class DatabaseGovernanceStore implements GovernanceStore {
  static async create(options: {
    database: DatabaseService;
    /** Defaults to the database service's own `migrations.skip`. */
    skipMigrations?: boolean;
  }): Promise<DatabaseGovernanceStore> {
    const { database } = options;
    const client = await database.getClient();
    if (!(options.skipMigrations ?? database.migrations?.skip)) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseGovernanceStore(client);
  }

  /** Where the migrations are, for tests that move them up and down. */
  static readonly migrationsDirectory = migrationsDir;

  private readonly queries: GovernanceQueries;

  private constructor(private readonly db: Knex) {
    this.queries = new GovernanceQueries(db);
  }

  async digests(): Promise<Map<string, StoredResultDigest>> {
    const rows = await this.db<ResultRow>(RESULTS).select(
      'entity_ref',
      'result_hash',
      'status',
    );
    return new Map(
      rows.map(r => [r.entity_ref, { hash: r.result_hash, status: r.status }]),
    );
  }

  async inputs(): Promise<Map<string, ProductInputs>> {
    const rows = await this.db<InputsRow>(INPUTS).select();
    return new Map(
      rows.map(row => [
        row.entity_ref,
        { digest: row.inputs_digest, dependsOn: JSON.parse(row.depends_on) },
      ]),
    );
  }

  async applyChanges(changes: {
    write: ProductGovernanceRecord[];
    remove: string[];
    inputs?: Array<ProductInputs & { entityRef: string }>;
    at: Date;
  }): Promise<void> {
    for (const batch of chunks(changes.write, RESULTS_PER_BATCH)) {
      await this.db.transaction(tx => this.writeBatch(tx, batch, changes.at));
    }
    // After the results: a run cut short between the two re-evaluates those products.
    for (const batch of chunks(changes.inputs ?? [], INPUTS_PER_INSERT)) {
      await this.db<InputsRow>(INPUTS)
        .insert(
          batch.map(inputs => ({
            entity_ref: inputs.entityRef,
            inputs_digest: inputs.digest,
            depends_on: JSON.stringify(inputs.dependsOn),
          })),
        )
        .onConflict('entity_ref')
        .merge();
    }
    for (const refs of chunks(changes.remove, REFS_PER_QUERY)) {
      await this.db.transaction(async tx => {
        await tx(INPUTS).whereIn('entity_ref', refs).delete();
        await tx(RULE_OUTCOMES).whereIn('entity_ref', refs).delete();
        await tx(RESULTS).whereIn('entity_ref', refs).delete();
      });
    }
  }

  private async writeBatch(
    tx: Knex.Transaction,
    batch: ProductGovernanceRecord[],
    at: Date,
  ) {
    await tx(RESULTS)
      .insert(batch.map(record => toResultRow(record, at)))
      .onConflict('entity_ref')
      .merge();
    const outcomes = batch.flatMap(toOutcomeRows);
    for (const part of chunks(outcomes, OUTCOMES_PER_INSERT)) {
      await tx(RULE_OUTCOMES)
        .insert(part)
        .onConflict(['entity_ref', 'rule_id'])
        .merge();
    }
    // Rules that no longer run on a product (a policy removed, a selector that stopped
    // matching) leave outcomes behind; those go, and only those, so that a replica
    // writing the same batch at the same moment never conflicts on a key.
    const current = new Set(outcomes.map(o => `${o.entity_ref}\n${o.rule_id}`));
    const stored: Array<{ entity_ref: string; rule_id: string }> = await tx(
      RULE_OUTCOMES,
    )
      .whereIn(
        'entity_ref',
        batch.map(r => r.entityRef),
      )
      .select('entity_ref', 'rule_id');
    const stale = new Map<string, string[]>();
    for (const row of stored) {
      if (!current.has(`${row.entity_ref}\n${row.rule_id}`)) {
        stale.set(row.entity_ref, [
          ...(stale.get(row.entity_ref) ?? []),
          row.rule_id,
        ]);
      }
    }
    for (const [entityRef, ruleIds] of stale) {
      await tx(RULE_OUTCOMES)
        .where('entity_ref', entityRef)
        .whereIn('rule_id', ruleIds)
        .delete();
    }
  }

  async takeSnapshot(
    day: string,
    options: { replace: boolean; at: Date },
  ): Promise<void> {
    await takeSnapshot(this.db, day, options);
  }

  async recordRun(
    run: Omit<EvaluationRun, 'finishedAt'> & { at: Date },
  ): Promise<void> {
    await this.db(RUNS)
      .insert({
        id: MESH_RUN_ID,
        finished_at: run.at,
        products: run.products,
        written: run.written,
        removed: run.removed,
        duration_ms: run.durationMs,
      })
      .onConflict('id')
      .merge();
  }

  product(entityRef: string): Promise<ProductGovernance | undefined> {
    return this.queries.product(entityRef);
  }

  async statuses(
    entityRefs: string[],
  ): Promise<Record<string, GovernanceStatus>> {
    const statuses: Record<string, GovernanceStatus> = {};
    for (const refs of chunks([...new Set(entityRefs)], REFS_PER_QUERY)) {
      const rows = await this.db<ResultRow>(RESULTS)
        .whereIn('entity_ref', refs)
        .select('entity_ref', 'status');
      for (const row of rows) {
        statuses[row.entity_ref] = row.status;
      }
    }
    return statuses;
  }

  domain(domainRef: string, trend: TrendWindow): Promise<DomainGovernance> {
    return this.queries.domain(domainRef, trend);
  }

  summary(options: {
    worstOffenders: number;
    trend: TrendWindow;
  }): Promise<MeshGovernanceSummary> {
    return this.queries.summary(options);
  }
}
