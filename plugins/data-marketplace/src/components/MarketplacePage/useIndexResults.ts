import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { dataMarketplaceApiRef } from '../../api';
import type { MarketplaceProductsResponse } from '../../api/types';
import type { QueryEntitiesResponse } from '../../lib/catalogTypes';
import { indexPage, indexRequest, isIndexUnavailable } from './indexQuery';
import type { MarketplaceQuery } from './marketplaceQuery';

/** One answer of the backend's index: the page, every facet's counts, its freshness. */
export interface IndexResults {
  page: QueryEntitiesResponse;
  facets: MarketplaceProductsResponse['facets'];
  indexedAt: string | null;
}

/**
 * The results of a query from the data-marketplace backend's index, in one call;
 * `unavailable` when the backend has no index (404) or will not answer this user from it
 * (403, see isIndexUnavailable), so the page can fall back to the catalog. Nothing is asked
 * without a query.
 */
export function useIndexResults(query: MarketplaceQuery | undefined) {
  const api = useApi(dataMarketplaceApiRef);
  const request = query && indexRequest(query);
  return useAsync(async (): Promise<
    IndexResults | 'unavailable' | undefined
  > => {
    if (!query || !request) {
      return undefined;
    }
    try {
      const response = await api.queryProducts(request);
      return {
        page: indexPage(query, response),
        facets: response.facets,
        indexedAt: response.indexedAt,
      };
    } catch (error) {
      if (isIndexUnavailable(error)) {
        return 'unavailable';
      }
      throw error;
    }
    // The request holds all of the query the index reads (the page as its offset).
  }, [api, JSON.stringify(request)]);
}
