import type { Knex } from 'knex';
import {
  splitListValue,
  type CombinationRow,
  type ListValueCombinationRow,
  type ListValueCount,
} from './facetCounts';
import { COLUMN_FACETS, type ListFacet } from './facets';
import {
  isUnrestricted,
  productSource,
  whereProductMatches,
  type ProductConditions,
} from './productConditions';
import { isPostgres, PRODUCTS, VALUES } from './tables';

const COLUMNS = COLUMN_FACETS.map(facet => `p.${facet}`);

/** The tags and port types of each product row aliased `p`, as rows `lv.value` (facet:value). */
function listedValues(db: Knex): Knex.Raw {
  return isPostgres(db)
    ? db.raw('unnest(p.list_values) as lv(value)')
    : db.raw('json_each(p.list_values) as lv');
}

/**
 * How many matching products have each combination of the facet columns. (Async, as each
 * function here: a promise, unlike a knex query, runs once however often it is awaited.)
 */
export async function countCombinations(
  db: Knex,
  conditions: ProductConditions,
): Promise<CombinationRow[]> {
  return (await db(productSource(db, conditions))
    .select(COLUMNS)
    .count({ count: '*' })
    .modify(q => whereProductMatches(db, q, conditions))
    .groupBy(COLUMNS)) as CombinationRow[];
}

/** How many matching products have each value of some many-valued facets. */
export async function countListValues(
  db: Knex,
  facets: ListFacet[],
  conditions: ProductConditions,
): Promise<ListValueCount[]> {
  // Every value row belongs to an indexed product: without conditions, no join is needed.
  if (isUnrestricted(conditions)) {
    return (await db(`${VALUES} as v`)
      .select('v.facet', 'v.value')
      .count({ count: '*' })
      .whereIn('v.facet', facets)
      .groupBy('v.facet', 'v.value')) as ListValueCount[];
  }
  // From the matching products to the list of values on each row: the products are read
  // once, by whatever finds them, and no value row is joined back by entity ref. CROSS
  // JOIN keeps SQLite from reading the list before the product.
  const rows: Array<{ value: string; count: number | string }> = await db(
    productSource(db, conditions),
  )
    .crossJoin(listedValues(db))
    .select('lv.value')
    .count({ count: '*' })
    .modify(q => whereProductMatches(db, q, conditions))
    .modify(q => {
      if (facets.length === 1) {
        q.where('lv.value', 'like', `${facets[0]}:%`);
      }
    })
    .groupBy('lv.value');
  return rows.map(row => ({ ...splitListValue(row.value), count: row.count }));
}

/**
 * How many products have each combination of the facet columns and each tag or port type,
 * over the whole index; at most `limit` rows.
 */
export async function countListValueCombinations(
  db: Knex,
  limit: number,
): Promise<ListValueCombinationRow[]> {
  return (await db(`${PRODUCTS} as p`)
    .crossJoin(listedValues(db))
    .select([...COLUMNS, 'lv.value as listed'])
    .count({ count: '*' })
    .groupBy([...COLUMNS, 'lv.value'])
    .limit(limit)) as ListValueCombinationRow[];
}
