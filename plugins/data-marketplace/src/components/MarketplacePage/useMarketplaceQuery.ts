import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  defaultSort,
  MarketplaceQuery,
  readQuery,
  writeQuery,
} from './marketplaceQuery';

export interface MarketplaceQueryControls {
  query: MarketplaceQuery;
  setTerm(term: string): void;
  toggleFacetValue(param: string, value: string): void;
  clearFilters(): void;
  setSort(sort: MarketplaceQuery['sort']): void;
  goToPage(cursor: string | undefined, page: number): void;
}

/**
 * The marketplace search lives in the URL, so a search can be shared, bookmarked and walked
 * back with the browser. Any change of term, facet or sort starts again at the first page:
 * a catalog cursor belongs to the search it was made for.
 */
export function useMarketplaceQuery(): MarketplaceQueryControls {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readQuery(params), [params]);

  const update = useCallback(
    (change: Partial<MarketplaceQuery>, options?: { replace?: boolean }) => {
      setParams(current => {
        const next = {
          ...readQuery(current),
          cursor: undefined,
          page: 1,
          ...change,
        };
        // A sort nobody chose follows the term: relevance once there is one, name without.
        if (change.term !== undefined && !change.sort && !current.has('sort')) {
          next.sort = defaultSort(next.term);
        }
        return writeQuery(next);
      }, options);
    },
    [setParams],
  );

  return {
    query,
    // Typing replaces the history entry, so Back does not step through every keystroke.
    setTerm: term => update({ term: term.trim() }, { replace: true }),
    toggleFacetValue: (param, value) => {
      const values = query.selected[param] ?? [];
      const next = values.includes(value)
        ? values.filter(v => v !== value)
        : [...values, value];
      update({ selected: { ...query.selected, [param]: next } });
    },
    clearFilters: () => update({ selected: {} }),
    setSort: sort => update({ sort }),
    goToPage: (cursor, page) =>
      update(
        page > 1 && cursor ? { cursor, page } : { cursor: undefined, page: 1 },
      ),
  };
}
