import type { Knex } from 'knex';
import {
  DETAILS,
  GOVERNANCE_RESULTS,
  isPostgres,
  PRODUCTS,
  VALUES,
} from './tables';

/** The tables the marketplace's queries read. */
export const QUERIED_TABLES = [PRODUCTS, DETAILS, VALUES, GOVERNANCE_RESULTS];

/** Autovacuum's defaults: analyze once 50 rows and 10% of the table changed. */
const CHANGED_ROWS_THRESHOLD = 50;
const CHANGED_SHARE_THRESHOLD = 0.1;

interface TableStatisticsRow {
  table_name: string;
  /** Rows at the last ANALYZE (or VACUUM); -1 when the table was never analyzed. */
  reltuples: number | string;
  n_mod_since_analyze: number | string | null;
}

/**
 * Analyzes those of the marketplace's tables whose PostgreSQL planner statistics are
 * missing or stale, and returns their names.
 *
 * The index is filled in bulk: a whole catalog in its first runs. Until its tables are
 * analyzed, the planner takes them for nearly empty and joins 40,000 facet rows in nested
 * loops; through HTTP at 10,000 products the queries took two to three times longer (p95
 * 87–224 ms, then 49–92 ms after ANALYZE). Autovacuum analyzes a table once a tenth of it
 * changed, but only at its next round and not at all where it is turned off (as on the
 * machine the benchmarks ran on), so each indexer run applies autovacuum's threshold
 * itself. It also covers governance_results, which the governance evaluator writes and the
 * queries join. The counts of changes reach PostgreSQL's statistics within a second or two
 * of a write, so a bulk write is seen by the run after it; a table never analyzed is seen at
 * once. SQLite keeps no statistics unless asked, and its plans here were chosen without
 * them: nothing is done there.
 */
export async function analyzeStaleTables(db: Knex): Promise<string[]> {
  if (!isPostgres(db)) {
    return [];
  }
  // to_regclass resolves the names on the connection's search path: the plugin's schema
  // when the backend gives each plugin its own.
  const { rows } = await db.raw<{ rows: TableStatisticsRow[] }>(
    `SELECT c.relname AS table_name, c.reltuples, s.n_mod_since_analyze
       FROM pg_class c
       LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
      WHERE c.oid IN (SELECT to_regclass(name) FROM unnest(?::text[]) AS name)`,
    [QUERIED_TABLES],
  );
  const stale = rows
    .filter(row => {
      const tuples = Number(row.reltuples);
      const changed = Number(row.n_mod_since_analyze ?? 0);
      return (
        tuples < 0 ||
        changed > CHANGED_ROWS_THRESHOLD + CHANGED_SHARE_THRESHOLD * tuples
      );
    })
    .map(row => row.table_name)
    .sort();
  if (stale.length > 0) {
    await db.raw(`ANALYZE ${stale.map(() => '??').join(', ')}`, stale);
  }
  return stale;
}
