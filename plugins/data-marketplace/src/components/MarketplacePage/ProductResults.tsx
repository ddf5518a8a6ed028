import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { EmptyState } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import type { ReactNode } from 'react';
import type { QueryEntitiesResponse } from '../../lib/catalogTypes';
import { MarketplaceQuery, PAGE_SIZE } from './marketplaceQuery';
import { ProductCard } from './ProductCard';
import { ResultsPager } from './ResultsPager';
import type { MarketplaceQueryControls } from './useMarketplaceQuery';

/** A page of results: the product cards and the pager, or why there are none. */
export function ProductResults(props: {
  query: MarketplaceQuery;
  result: QueryEntitiesResponse;
  controls: MarketplaceQueryControls;
  cardActions?: (entity: Entity) => ReactNode;
}) {
  const { query, result, controls, cardActions } = props;
  const hasSelection = Object.values(query.selected).some(v => v.length > 0);

  if (result.items.length === 0 && result.totalItems > 0) {
    // A shared link to a page the results no longer reach.
    return (
      <EmptyState
        missing="data"
        title="This page is past the last one"
        description={`The search now finds ${result.totalItems} data products.`}
        action={
          <Button
            variant="contained"
            color="primary"
            onClick={() => controls.goToPage(undefined, 1)}
          >
            Back to the first page
          </Button>
        }
      />
    );
  }
  if (result.items.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No data product matches"
        description={
          query.term
            ? `Nothing matches “${query.term}” with these filters. Try other words or fewer filters.`
            : 'No data product has these values. Try fewer filters.'
        }
        action={
          hasSelection ? (
            <Button
              variant="contained"
              color="primary"
              onClick={controls.clearFilters}
            >
              Clear filters
            </Button>
          ) : undefined
        }
      />
    );
  }
  return (
    <>
      <Grid
        container
        spacing={2}
        component="ul"
        aria-label="Data products"
        style={{ listStyle: 'none', padding: 0 }}
      >
        {result.items.map(entity => (
          <Grid
            item
            component="li"
            xs={12}
            sm={6}
            lg={4}
            key={stringifyEntityRef(entity)}
          >
            <ProductCard entity={entity} actions={cardActions?.(entity)} />
          </Grid>
        ))}
      </Grid>
      <ResultsPager
        page={query.page}
        pageSize={PAGE_SIZE}
        shown={result.items.length}
        totalItems={result.totalItems}
        prevCursor={result.pageInfo.prevCursor}
        nextCursor={result.pageInfo.nextCursor}
        onPage={controls.goToPage}
      />
    </>
  );
}
