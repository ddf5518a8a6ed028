import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { FACETS } from './facets';
import {
  facetRequests,
  MarketplaceQuery,
  productsRequest,
} from './marketplaceQuery';
import type { QueryEntitiesResponse } from '../../lib/catalogTypes';

/** Counts per facet parameter: value → number of products. */
export type FacetCounts = Record<
  string,
  Array<{ value: string; count: number }>
>;

/** The page of products of a query, straight from the catalog. */
export function useProductsPage(query: MarketplaceQuery) {
  const catalogApi = useApi(catalogApiRef);
  const request = productsRequest(query);
  return useAsync(
    (): Promise<QueryEntitiesResponse> => catalogApi.queryEntities(request),
    [catalogApi, JSON.stringify(request)],
  );
}

/**
 * The counts of every facet, one catalog call per facet with a selection and one for the
 * rest (see facetRequests). The page and the sort do not change counts, so they are not
 * part of the key.
 */
export function useFacetCounts(query: MarketplaceQuery) {
  const catalogApi = useApi(catalogApiRef);
  const requests = facetRequests(query);
  return useAsync(async (): Promise<FacetCounts> => {
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
