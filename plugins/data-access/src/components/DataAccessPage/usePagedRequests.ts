import { useApi } from '@backstage/core-plugin-api';
import type {
  AccessRequest,
  AccessRequestState,
} from '@datamesh/plugin-data-access-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { dataAccessApiRef } from '../../api';

const PAGE_SIZE = 25;

interface PagedState {
  items: AccessRequest[];
  nextCursor?: string;
  loading: boolean;
  error?: Error;
}

/**
 * A list of requests read a page at a time with the API's cursor. Answers to a query the
 * user has since left (another filter, a reload) are dropped, so a slow page never
 * overwrites a newer one.
 */
export function usePagedRequests(query: {
  view: 'mine' | 'to-decide' | 'all';
  states?: AccessRequestState[];
}) {
  const api = useApi(dataAccessApiRef);
  const { view } = query;
  const statesKey = query.states?.join(',') ?? '';
  const [state, setState] = useState<PagedState>({ items: [], loading: true });
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (cursor: string | undefined, forGeneration: number) => {
      setState(current => ({ ...current, loading: true, error: undefined }));
      try {
        const page = await api.listRequests({
          view,
          state: statesKey
            ? (statesKey.split(',') as AccessRequestState[])
            : undefined,
          cursor,
          limit: PAGE_SIZE,
        });
        if (forGeneration !== generation.current) {
          return;
        }
        setState(current => ({
          items: cursor ? [...current.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
          loading: false,
        }));
      } catch (error) {
        if (forGeneration !== generation.current) {
          return;
        }
        setState(current => ({
          ...current,
          loading: false,
          error: error instanceof Error ? error : new Error(String(error)),
        }));
      }
    },
    [api, view, statesKey],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    fetchPage(undefined, generation.current);
  }, [fetchPage]);

  // Another query starts from an empty list, not from the previous query's rows.
  useEffect(() => {
    setState({ items: [], loading: true });
    reload();
  }, [reload]);

  const { nextCursor } = state;
  const loadMore = useCallback(() => {
    if (nextCursor) {
      fetchPage(nextCursor, generation.current);
    }
  }, [fetchPage, nextCursor]);

  return { ...state, hasMore: Boolean(state.nextCursor), loadMore, reload };
}
