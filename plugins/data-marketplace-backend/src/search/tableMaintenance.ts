import type { Knex } from 'knex';
import {
  DETAILS,
  GOVERNANCE_RESULTS,
  isPostgres,
  PRODUCTS,
  SEARCH,
  VALUES,
} from './tables';

/** The tables the marketplace's queries read, and the results each run copies from. */
export const QUERIED_TABLES = [
  PRODUCTS,
  DETAILS,
  VALUES,
  SEARCH,
  GOVERNANCE_RESULTS,
];

/** Autovacuum's defaults (PostgreSQL 13 and later): a base number of rows and a share. */
const ANALYZE_AFTER = { rows: 50, share: 0.1 };
const VACUUM_AFTER_DEAD = { rows: 50, share: 0.2 };
const VACUUM_AFTER_INSERTS = { rows: 1000, share: 0.2 };

interface TableStatisticsRow {
  table_name: string;
  /** Rows at the last ANALYZE or VACUUM; -1 when the table never had either. */
  reltuples: number | string;
  n_mod_since_analyze: number | string | null;
  n_dead_tup: number | string | null;
  n_ins_since_vacuum: number | string | null;
}

const over = (
  count: number | string | null,
  threshold: { rows: number; share: number },
  tuples: number,
) => Number(count ?? 0) > threshold.rows + threshold.share * tuples;

/**
 * Vacuums and analyzes those of the marketplace's tables that autovacuum would, on
 * PostgreSQL, and returns their names.
 *
 * The index is written in bulk: a whole catalog in its first runs. Until its tables are
 * analyzed, the planner takes them for nearly empty and joins 40,000 facet rows in nested
 * loops; until they are vacuumed, every row read through an index is looked up in the table
 * too (none is marked visible to all). Through HTTP at 10,000 products the queries took two
 * to three times longer (p95 87–224 ms, 49–92 ms analyzed, 29–71 ms vacuumed too).
 * Autovacuum does both once a share of a table changed, but only at its next round, and not
 * at all where it is turned off (as on the machine the benchmarks ran on), so each indexer
 * run applies autovacuum's thresholds itself. That covers governance_results too, which the
 * governance evaluator writes and each run joins to copy the statuses. PostgreSQL counts a write in these
 * statistics a second or more after it, so a bulk write is seen by the run after; a table
 * never vacuumed nor analyzed is seen at once. SQLite keeps no statistics unless asked, and
 * its plans here were chosen without them: nothing is done there.
 */
export async function maintainQueriedTables(db: Knex): Promise<string[]> {
  if (!isPostgres(db)) {
    return [];
  }
  // to_regclass resolves the names on the connection's search path: the plugin's schema
  // when the backend gives each plugin its own.
  const { rows } = await db.raw<{ rows: TableStatisticsRow[] }>(
    `SELECT c.relname AS table_name, c.reltuples,
            s.n_mod_since_analyze, s.n_dead_tup, s.n_ins_since_vacuum
       FROM pg_class c
       LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
      WHERE c.oid IN (SELECT to_regclass(name) FROM unnest(?::text[]) AS name)`,
    [QUERIED_TABLES],
  );
  const due = rows
    .filter(row => {
      const tuples = Number(row.reltuples);
      return (
        tuples < 0 ||
        over(row.n_mod_since_analyze, ANALYZE_AFTER, tuples) ||
        over(row.n_dead_tup, VACUUM_AFTER_DEAD, tuples) ||
        over(row.n_ins_since_vacuum, VACUUM_AFTER_INSERTS, tuples)
      );
    })
    .map(row => row.table_name)
    .sort();
  if (due.length > 0) {
    // Outside a transaction (VACUUM cannot run in one); neither blocks reads nor writes.
    await db.raw(`VACUUM (ANALYZE) ${due.map(() => '??').join(', ')}`, due);
  }
  return due;
}
