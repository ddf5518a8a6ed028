import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { FACETS } from './facets';
import {
  facetRequests,
  MarketplaceQuery,
  productsRequest,
} from './marketplaceQuery';
import { useIndexResults } from './useIndexResults';
import type { QueryEntitiesResponse } from '../../lib/catalogTypes';

/** Counts per facet parameter: value → number of products. */
export type FacetCounts = Record<
  string,
  Array<{ value: string; count: number }>
>;

/** What a hook knows of a pending result. */
export interface Loadable<T> {
  loading: boolean;
  error?: Error;
  value?: T;
}

/**
 * Where the results come from: the data-marketplace backend's index, or the catalog in a
 * portal without that backend or for a user its index does not answer.
 */
export type MarketplaceSource = 'index' | 'catalog';

export interface MarketplaceResults {
  /** Undefined until the first answer tells whether the index answers this user. */
  source?: MarketplaceSource;
  products: Loadable<QueryEntitiesResponse>;
  facets: Loadable<FacetCounts>;
  /** From the index: when it was last fed; null before its first run. */
  indexedAt?: string | null;
}

/**
 * The page of products and the facet counts of a query: from the backend's index in one
 * call, or from the catalog when the backend answers 404 (not installed) or 403 (the
 * permission policy hides some entities from this user, which only the catalog can apply).
 * Once it has, the page stays on the catalog rather than asking again on every search.
 */
export function useMarketplaceResults(
  query: MarketplaceQuery,
): MarketplaceResults {
  const [catalogOnly, setCatalogOnly] = useState(false);
  const index = useIndexResults(catalogOnly ? undefined : query);
  const unavailable = index.value === 'unavailable';
  useEffect(() => {
    if (unavailable) {
      setCatalogOnly(true);
    }
  }, [unavailable]);

  // Both hooks are always called (hook order); they ask nothing without a query.
  const fromCatalog = catalogOnly || unavailable;
  const products = useProductsPage(fromCatalog ? query : undefined);
  const facets = useFacetCounts(fromCatalog ? query : undefined);
  if (fromCatalog) {
    return { source: 'catalog', products, facets };
  }

  const answer = index.value === 'unavailable' ? undefined : index.value;
  return {
    source: answer ? 'index' : undefined,
    products: {
      loading: index.loading,
      error: index.error,
      value: answer?.page,
    },
    // One call answers both: its failure is shown once, with the products.
    facets: { loading: index.loading, value: answer?.facets },
    indexedAt: answer?.indexedAt,
  };
}

/** The page of products of a query, straight from the catalog; nothing without a query. */
export function useProductsPage(query: MarketplaceQuery | undefined) {
  const catalogApi = useApi(catalogApiRef);
  const request = query && productsRequest(query);
  return useAsync(
    async (): Promise<QueryEntitiesResponse | undefined> =>
      request && catalogApi.queryEntities(request),
    [catalogApi, JSON.stringify(request)],
  );
}

/**
 * The counts of every facet, one catalog call per facet with a selection and one for the
 * rest (see facetRequests); nothing without a query. The page and the sort do not change
 * counts, so they are not part of the key.
 */
export function useFacetCounts(query: MarketplaceQuery | undefined) {
  const catalogApi = useApi(catalogApiRef);
  const requests = query && facetRequests(query);
  return useAsync(async (): Promise<FacetCounts | undefined> => {
    if (!requests) {
      return undefined;
    }
    const responses = await Promise.all(
      requests.map(request => catalogApi.getEntityFacets(request)),
    );
    const counts: FacetCounts = {};
    for (const facet of FACETS) {
      const response = responses.find(r => r.facets[facet.field]);
      counts[facet.param] = [...(response?.facets[facet.field] ?? [])].sort(
        (a, b) => b.count - a.count || a.value.localeCompare(b.value),
      );
    }
    return counts;
  }, [catalogApi, JSON.stringify(requests)]);
}
