import type { Knex } from 'knex';
import { GOVERNANCE_RESULTS, isPostgres, PRODUCTS, SEARCH } from './tables';

/** PostgreSQL: the statuses of products no longer evaluated, cleared. */
const CLEAR_STATUSES = `
  UPDATE ${PRODUCTS} p SET governance = NULL
   WHERE p.governance IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM ${GOVERNANCE_RESULTS} g WHERE g.entity_ref = p.entity_ref)
  RETURNING p.entity_ref, p.governance`;

/** PostgreSQL: a join, which it can hash, rather than a lookup per row. */
const COPY_STATUSES = `
  UPDATE ${PRODUCTS} p SET governance = g.status
    FROM ${GOVERNANCE_RESULTS} g
   WHERE g.entity_ref = p.entity_ref
     AND (p.governance IS NULL OR p.governance <> g.status)
  RETURNING p.entity_ref, p.governance`;

/**
 * Sets marketplace_products.governance to the product's status in governance_results, or
 * null where it has none, on the rows where it differs; returns how many rows changed. Rows
 * already right are not written, so a run that finds nothing new leaves no dead rows. On
 * PostgreSQL, the search rows take the statuses that changed in the same statements.
 */
export async function copyGovernanceStatuses(db: Knex): Promise<number> {
  if (isPostgres(db)) {
    return (
      (await withSearchRows(db, CLEAR_STATUSES)) +
      (await withSearchRows(db, COPY_STATUSES))
    );
  }
  const cleared = await db(PRODUCTS)
    .update({ governance: null })
    .whereNotNull('governance')
    .whereNotExists(
      db(GOVERNANCE_RESULTS)
        .select(db.raw('1'))
        .where('entity_ref', db.ref(`${PRODUCTS}.entity_ref`)),
    );
  return cleared + (await copyStatuses(db));
}

/**
 * Runs an update of product rows that returns those it changed, gives their search rows the
 * same statuses in the same statement, and returns how many changed.
 */
async function withSearchRows(db: Knex, update: string): Promise<number> {
  const { rows } = await db.raw<{ rows: Array<{ changed: string }> }>(
    `WITH changed AS (${update}),
          searched AS (
            UPDATE ${SEARCH} s SET governance = c.governance
              FROM changed c
             WHERE s.entity_ref = c.entity_ref)
     SELECT count(*) AS changed FROM changed`,
  );
  return Number(rows[0].changed);
}

/** SQLite looks each row's result up by its key, which is quick in process. */
async function copyStatuses(db: Knex): Promise<number> {
  const status = db(`${GOVERNANCE_RESULTS} as g`)
    .select('g.status')
    .where('g.entity_ref', db.ref(`${PRODUCTS}.entity_ref`));
  return db(PRODUCTS)
    .update({ governance: status })
    .whereExists(
      db(`${GOVERNANCE_RESULTS} as g`)
        .select(db.raw('1'))
        .where('g.entity_ref', db.ref(`${PRODUCTS}.entity_ref`))
        .where(q =>
          q
            .whereNull(`${PRODUCTS}.governance`)
            .orWhere(`${PRODUCTS}.governance`, '<>', db.ref('g.status')),
        ),
    );
}
