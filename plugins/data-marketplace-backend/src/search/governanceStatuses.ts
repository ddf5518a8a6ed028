import type { Knex } from 'knex';
import { GOVERNANCE_RESULTS, isPostgres, PRODUCTS } from './tables';

/**
 * Sets marketplace_products.governance to the product's status in governance_results, or
 * null where it has none, on the rows where it differs; returns how many rows changed. Rows
 * already right are not written, so a run that finds nothing new leaves no dead rows.
 */
export async function copyGovernanceStatuses(db: Knex): Promise<number> {
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

async function copyStatuses(db: Knex): Promise<number> {
  if (isPostgres(db)) {
    // A join, which PostgreSQL can hash, rather than a lookup per row.
    return db(`${PRODUCTS} as p`)
      .update({ governance: db.ref('g.status') })
      .updateFrom(`${GOVERNANCE_RESULTS} as g`)
      .where('g.entity_ref', db.ref('p.entity_ref'))
      .whereRaw('(p.governance IS NULL OR p.governance <> g.status)');
  }
  // SQLite looks each row's result up by its key, which is quick in process.
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
