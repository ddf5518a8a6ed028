import type { Knex } from 'knex';
import { isColumnFacet } from './facets';
import { LIKE, likePattern, textMatches } from './searchTerm';
import { isPostgres, PRODUCTS, SEARCH, VALUES } from './tables';
import type { MarketplaceFacet } from './types';

/** One facet's selected values (OR-ed). */
export interface Selection {
  facet: MarketplaceFacet;
  values: string[];
}

/** What restricts the set of products: the words of the term and the selected facets. */
export interface ProductConditions {
  /** Lowercase words, each of which must appear in the product's search text. */
  words: string[];
  selections: Selection[];
}

export function isUnrestricted(conditions: ProductConditions): boolean {
  return conditions.words.length === 0 && conditions.selections.length === 0;
}

/** No term and no selection but of the facet columns: what whole-index counts can answer. */
export function isColumnsOnly(conditions: ProductConditions): boolean {
  return (
    conditions.words.length === 0 &&
    conditions.selections.every(s => isColumnFacet(s.facet))
  );
}

/** The conditions without the selections of some facets: what those facets count under. */
export function without(
  conditions: ProductConditions,
  leaveOut: (facet: MarketplaceFacet) => boolean,
): ProductConditions {
  return {
    words: conditions.words,
    selections: conditions.selections.filter(s => !leaveOut(s.facet)),
  };
}

/**
 * On PostgreSQL, a page with a term reads the products' search rows, which hold a copy of
 * what it filters, counts and sorts on: the statements match the term on the rows they read
 * instead of joining the matches to the products by entity ref.
 */
function readsSearchRows(db: Knex, conditions: ProductConditions): boolean {
  return isPostgres(db) && conditions.words.length > 0;
}

/** The table the statements of a page read products from, aliased `p`. */
export function productSource(db: Knex, conditions: ProductConditions): string {
  return `${readsSearchRows(db, conditions) ? SEARCH : PRODUCTS} as p`;
}

/**
 * Restricts a query on the products aliased `p` (from productSource) to those that match:
 * every word of the term, and for each selected facet one of its values. A single-valued
 * facet is a column of the product; tags and port types are rows of
 * marketplace_product_values, found by entity ref.
 */
export function whereProductMatches(
  db: Knex,
  query: Knex.QueryBuilder,
  conditions: ProductConditions,
) {
  if (readsSearchRows(db, conditions)) {
    for (const word of conditions.words) {
      query.whereRaw(LIKE('p.search_text'), [likePattern(word)]);
    }
  } else if (conditions.words.length > 0) {
    query.whereIn('p.entity_ref', textMatches(db, conditions.words));
  }
  for (const { facet, values } of conditions.selections) {
    if (isColumnFacet(facet)) {
      query.whereIn(`p.${facet}`, values);
    } else {
      query.whereIn(
        'p.entity_ref',
        db(VALUES)
          .select('entity_ref')
          .where('facet', facet)
          .whereIn('value', values),
      );
    }
  }
}
