import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { DatabaseGovernanceStore } from '../database';
import { chunks, toIso } from '../database/tables';
import { copyGovernanceStatuses } from './governanceStatuses';
import { maintainQueriedTables } from './tableMaintenance';
import type { IndexedProduct } from './toIndexedProduct';
import {
  DETAILS,
  INDEX_RUN_ID,
  isPostgres,
  PRODUCTS,
  RUNS,
  SEARCH,
  SEARCH_COPIED_COLUMNS,
  VALUES,
  type ProductRow,
  type RunRow,
  type ValueRow,
} from './tables';

/*
 * Rows per statement. SQLite takes at most 500 rows in one multi-row insert (knex writes it
 * as a compound SELECT, SQLITE_MAX_COMPOUND_SELECT) and 32,766 bound parameters; PostgreSQL
 * 65,535 parameters. A product row has 17 columns, a value row 3.
 */
const ROWS_PER_INSERT = 250;
const VALUES_PER_INSERT = 500;
const REFS_PER_STATEMENT = 500;

/** The value rows of a product as its list_values column holds them. */
function listValuesColumn(db: Knex, values: ValueRow[]): string[] | string {
  const list = values.map(v => `${v.facet}:${v.value}`);
  return isPostgres(db) ? list : JSON.stringify(list);
}

function pick<T extends object, K extends keyof T>(
  from: T,
  keys: readonly K[],
): Pick<T, K> {
  return Object.fromEntries(keys.map(key => [key, from[key]])) as Pick<T, K>;
}

/** A product as indexed, with the catalog version it was read at. */
export type VersionedProduct = IndexedProduct & { sourceEtag: string | null };

/** What one indexer run did. */
export interface IndexRun {
  products: number;
  written: number;
  removed: number;
  /** Products whose governance status it copied because it had changed. */
  statusesCopied: number;
  durationMs: number;
}

/**
 * The write side of the marketplace index, in the plugin's own database. A product is
 * written whole in one transaction (row, details, facet values, search text),
 * keyed by entity ref, so two replicas writing the same product leave one right copy.
 */
export class MarketplaceIndexStore {
  /** Runs the plugin's migrations (a no-op when done) unless told to skip them. */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<MarketplaceIndexStore> {
    const { database } = options;
    const db = await database.getClient();
    if (!(options.skipMigrations ?? database.migrations?.skip)) {
      await db.migrate.latest({
        directory: DatabaseGovernanceStore.migrationsDirectory,
      });
    }
    return new MarketplaceIndexStore(db);
  }

  constructor(readonly db: Knex) {}

  /**
   * The catalog version (etag) each indexed product was read at, by entity ref; null for a
   * row written before versions were kept, which the next run reads again.
   */
  async versions(): Promise<Map<string, string | null>> {
    const rows = await this.db<ProductRow>(PRODUCTS).select(
      'entity_ref',
      'source_etag',
    );
    return new Map(rows.map(row => [row.entity_ref, row.source_etag]));
  }

  /**
   * Writes products, new or changed, in one transaction. `replacing` names those of them
   * already in the index, whose old facet values and search rows go first.
   */
  async write(
    products: VersionedProduct[],
    options: { at: Date; replacing: string[] },
  ): Promise<void> {
    if (products.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      await this.removeDependents(tx, options.replacing);
      // Upserts: a replica may have written the same product since this run read the index.
      const rows = products.map(p => ({
        ...p.row,
        source_etag: p.sourceEtag,
        list_values: listValuesColumn(tx, p.values),
        indexed_at: options.at,
      }));
      for (const batch of chunks(rows, ROWS_PER_INSERT)) {
        await tx(PRODUCTS).insert(batch).onConflict('entity_ref').merge();
      }
      for (const batch of chunks(products, ROWS_PER_INSERT)) {
        await tx(DETAILS)
          .insert(batch.map(p => p.details))
          .onConflict('entity_ref')
          .merge();
      }
      const values = products.flatMap(p => p.values);
      for (const batch of chunks(values, VALUES_PER_INSERT)) {
        await tx(VALUES)
          .insert(batch)
          .onConflict(['facet', 'value', 'entity_ref'])
          .ignore();
      }
      if (isPostgres(tx)) {
        const searchRows = rows.map((row, i) => ({
          ...products[i].search,
          ...pick(row, SEARCH_COPIED_COLUMNS),
        }));
        for (const batch of chunks(searchRows, ROWS_PER_INSERT)) {
          await tx(SEARCH).insert(batch).onConflict('entity_ref').merge();
        }
      } else {
        // SQLite runs in one process: no other replica writes search rows between the
        // delete above and this insert (FTS5's table has no key to conflict on).
        for (const batch of chunks(products, ROWS_PER_INSERT)) {
          await tx(SEARCH).insert(batch.map(p => p.search));
        }
      }
    });
  }

  /** Removes products with everything the index keeps of them. */
  async remove(refs: string[]): Promise<void> {
    for (const batch of chunks(refs, REFS_PER_STATEMENT)) {
      await this.db.transaction(async tx => {
        await this.removeDependents(tx, batch);
        if (isPostgres(tx)) {
          await tx(SEARCH).whereIn('entity_ref', batch).delete();
        }
        await tx(DETAILS).whereIn('entity_ref', batch).delete();
        await tx(PRODUCTS).whereIn('entity_ref', batch).delete();
      });
    }
  }

  /**
   * The rows keyed by product that a write does not overwrite: facet values, and SQLite's
   * search rows. PostgreSQL's search rows are overwritten, keeping the governance status
   * they copied, as the product row keeps its own.
   */
  private async removeDependents(tx: Knex.Transaction, refs: string[]) {
    for (const batch of chunks(refs, REFS_PER_STATEMENT)) {
      await tx(VALUES).whereIn('entity_ref', batch).delete();
      if (!isPostgres(tx)) {
        await tx(SEARCH).whereIn('entity_ref', batch).delete();
      }
    }
  }

  /**
   * Copies each indexed product's governance status from governance_results onto its row,
   * where it differs (null where there is no result); returns how many rows changed. Run
   * once at the end of each indexer run, over all products: the evaluator writes results
   * whenever it likes, and copying them all at one moment needs no coordination with it.
   */
  async copyGovernanceStatuses(): Promise<number> {
    return copyGovernanceStatuses(this.db);
  }

  /**
   * Vacuums and analyzes the queried tables where autovacuum would (PostgreSQL); returns
   * the tables it did.
   */
  async maintainTables(): Promise<string[]> {
    return maintainQueriedTables(this.db);
  }

  /** Records a run; the index's version (changed_at) moves only if it changed anything. */
  async recordRun(run: IndexRun & { at: Date }): Promise<void> {
    const row: RunRow = {
      id: INDEX_RUN_ID,
      finished_at: run.at,
      products: run.products,
      written: run.written,
      removed: run.removed,
      duration_ms: run.durationMs,
      changed_at: run.at,
    };
    const changed = run.written + run.removed + run.statusesCopied > 0;
    const { changed_at: _, ...unchanged } = row;
    await this.db<RunRow>(RUNS)
      .insert(row)
      .onConflict('id')
      .merge(Object.keys(changed ? row : unchanged) as Array<keyof RunRow>);
  }

  /** When the last run finished, ISO 8601; null before the first. */
  async indexedAt(): Promise<string | null> {
    const row = await this.db<RunRow>(RUNS)
      .where({ id: INDEX_RUN_ID })
      .first('finished_at');
    return row ? toIso(row.finished_at) : null;
  }
}
