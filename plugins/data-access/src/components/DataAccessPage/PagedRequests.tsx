import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import type { ReactNode } from 'react';
import type { usePagedRequests } from './usePagedRequests';

/**
 * A paged list's states around its table: loading, failed, empty, and "Load more" while
 * the API has a next cursor.
 */
export function PagedRequests(props: {
  list: ReturnType<typeof usePagedRequests>;
  empty: { title: string; description: string };
  children: ReactNode;
}) {
  const { list, empty, children } = props;
  if (list.error && list.items.length === 0) {
    return <ResponseErrorPanel error={list.error} />;
  }
  if (list.loading && list.items.length === 0) {
    return <Progress />;
  }
  if (list.items.length === 0) {
    return (
      <EmptyState
        missing="data"
        title={empty.title}
        description={empty.description}
      />
    );
  }
  return (
    <>
      {children}
      {list.error && <ResponseErrorPanel error={list.error} />}
      {list.hasMore && (
        <Box display="flex" justifyContent="center" marginTop={2}>
          <Button
            variant="outlined"
            onClick={list.loadMore}
            disabled={list.loading}
          >
            {list.loading ? 'Loading…' : 'Load more'}
          </Button>
        </Box>
      )}
    </>
  );
}
