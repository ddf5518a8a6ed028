import type { Knex } from 'knex';
import { isColumnFacet } from './facets';
import { textMatches } from './searchTerm';
import { VALUES } from './tables';
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
  /**
   * The refs of the products whose search text holds every word, when they were looked up
   * once for all the statements of a page; otherwise each statement matches the words.
   */
  textMatches?: string[];
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
    textMatches: conditions.textMatches,
    selections: conditions.selections.filter(s => !leaveOut(s.facet)),
  };
}

/**
 * Restricts a query on the products aliased `p` to those that match: every word of the
 * term, and for each selected facet one of its values. A single-valued facet is a column of
 * the product; tags and port types are rows of marketplace_product_values, found by entity
 * ref.
 */
export function whereProductMatches(
  db: Knex,
  query: Knex.QueryBuilder,
  conditions: ProductConditions,
) {
  if (conditions.textMatches) {
    // One array parameter however many there are (PostgreSQL only).
    query.whereRaw('p.entity_ref = ANY(CAST(? AS text[]))', [
      postgresTextArray(conditions.textMatches),
    ]);
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

/** A PostgreSQL array literal of texts: each quoted, its backslashes and quotes escaped. */
export function postgresTextArray(values: string[]): string {
  const quoted = values.map(v => `"${v.replace(/[\\"]/g, c => `\\${c}`)}"`);
  return `{${quoted.join(',')}}`;
}
