import { COLUMN_FACETS, type ColumnFacet } from './facets';
import type { Selection } from './productConditions';
import type { FacetCount } from './types';

/** How many products have one combination of the facet columns (nulls for none). */
export type CombinationRow = Record<ColumnFacet, string | null> & {
  count: number | string;
};

/**
 * The counts of the facet columns (domain, owner, type, classification, lifecycle), and the
 * number of matching products, from the counts of their combinations (one grouped
 * statement). The combinations are counted under the term and the other facets'
 * selections; the selections of these five apply here. A combination that meets all of
 * them counts for every facet and the total; one that misses exactly one facet's selection
 * counts for that facet alone, as standard faceting counts a facet without its own
 * selection; one that misses more counts for none.
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
    const missed = selections.filter(
      s => !s.values.includes(row[s.facet as ColumnFacet] ?? ''),
    );
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
