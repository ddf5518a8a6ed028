import { COLUMN_FACETS, type ColumnFacet, type ListFacet } from './facets';
import type { Selection } from './productConditions';
import type { FacetCount } from './types';

/** How many products have one combination of the facet columns (nulls for none). */
export type CombinationRow = Record<ColumnFacet, string | null> & {
  count: number | string;
};

/** How many products have one combination of the facet columns and one listed value. */
export type ListValueCombinationRow = CombinationRow & {
  /** facet:value, as in marketplace_products.list_values. */
  listed: string;
};

/** How many products have one value of a many-valued facet. */
export interface ListValueCount {
  facet: ListFacet;
  value: string;
  count: number | string;
}

/** `tag:finance` → the tag facet's value `finance`. */
export function splitListValue(listed: string): {
  facet: ListFacet;
  value: string;
} {
  const colon = listed.indexOf(':');
  return {
    facet: listed.slice(0, colon) as ListFacet,
    value: listed.slice(colon + 1),
  };
}

/** The selections of the facet columns that a combination does not meet. */
const missedBy = (row: CombinationRow, selections: Selection[]) =>
  selections.filter(s => !s.values.includes(row[s.facet as ColumnFacet] ?? ''));

/** The tags and port types of the products of one combination of the facet columns. */
export interface CombinationValues {
  combination: CombinationRow;
  /** How many of its products have each facet:value. */
  values: Map<string, number>;
}

/** The rows of the grouped count, by combination of the facet columns. */
export function groupByCombination(
  rows: ListValueCombinationRow[],
): CombinationValues[] {
  const groups = new Map<string, CombinationValues>();
  for (const row of rows) {
    const key = COLUMN_FACETS.map(facet => row[facet]).join('\n');
    let group = groups.get(key);
    if (!group) {
      group = { combination: row, values: new Map() };
      groups.set(key, group);
    }
    group.values.set(row.listed, Number(row.count));
  }
  return [...groups.values()];
}

/**
 * The counts of some many-valued facets (tags, port types) under selections of the facet
 * columns only, from the whole index's counts by combination (WholeIndexCounts).
 */
export function countListValuesOf(
  combinations: CombinationValues[],
  selections: Selection[],
  facets: ListFacet[],
): ListValueCount[] {
  const counts = new Map<string, number>();
  for (const { combination, values } of combinations) {
    if (missedBy(combination, selections).length === 0) {
      for (const [listed, count] of values) {
        counts.set(listed, (counts.get(listed) ?? 0) + count);
      }
    }
  }
  return [...counts]
    .map(([listed, count]) => ({ ...splitListValue(listed), count }))
    .filter(row => facets.includes(row.facet));
}

/**
 * The counts of the facet columns (domain, owner, type, classification, lifecycle,
 * governance status), and the number of matching products, from the counts of their
 * combinations (one grouped statement, or kept in memory). The combinations are counted
 * under the term and the other facets' selections; the selections of these six apply here.
 * A combination that meets all of them counts for every facet and the total; one that
 * misses exactly one facet's selection counts for that facet alone, as standard faceting
 * counts a facet without its own selection; one that misses more counts for none.
 */
export function countColumnFacets(
  rows: CombinationRow[],
  selections: Selection[],
): { total: number; counts: Record<ColumnFacet, Map<string, number>> } {
  const counts = Object.fromEntries(
    COLUMN_FACETS.map(facet => [facet, new Map<string, number>()]),
  ) as Record<ColumnFacet, Map<string, number>>;
  const add = (facet: ColumnFacet, row: CombinationRow) => {
    const value = row[facet];
    if (value !== null) {
      const map = counts[facet];
      map.set(value, (map.get(value) ?? 0) + Number(row.count));
    }
  };
  let total = 0;
  for (const row of rows) {
    const missed = missedBy(row, selections);
    if (missed.length === 0) {
      total += Number(row.count);
      COLUMN_FACETS.forEach(facet => add(facet, row));
    } else if (missed.length === 1) {
      add(missed[0].facet as ColumnFacet, row);
    }
  }
  return { total, counts };
}

/** A facet's counts as the API gives them: most products first, then by value. */
export function facetList(
  counts: Map<string, number>,
  selected: string[] = [],
): FacetCount[] {
  // A selected value stays listed, with 0, when no product has it any more.
  for (const value of selected) {
    counts.set(value, counts.get(value) ?? 0);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}
