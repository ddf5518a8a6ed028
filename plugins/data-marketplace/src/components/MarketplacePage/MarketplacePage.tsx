import type { Entity } from '@backstage/catalog-model';
import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { ReactNode } from 'react';
import { FacetPanel } from './FacetPanel';
import { PAGE_SIZE } from './marketplaceQuery';
import { ProductCard } from './ProductCard';
import { ResultsPager } from './ResultsPager';
import { SearchBox } from './SearchBox';
import { SortSelect } from './SortSelect';
import { useMarketplaceQuery } from './useMarketplaceQuery';
import { useFacetCounts, useProductsPage } from './useMarketplaceResults';

/** @public */
export interface MarketplacePageProps {
  /**
   * What each product card offers besides its link, such as the data-access plugin's
   * RequestAccessButton. The entity holds the card's fields (see CARD_FIELDS), its output
   * ports and relations included.
   */
  cardActions?: (entity: Entity) => ReactNode;
  /** Page title; "Data marketplace" by default. */
  title?: string;
}

/**
 * The data mesh's shop window: search, facets, sorting and pages of product cards, all
 * computed by the catalog, so it behaves the same with ten products or ten thousand.
 */
export function MarketplacePage(props: MarketplacePageProps) {
  const { cardActions, title = 'Data marketplace' } = props;
  const controls = useMarketplaceQuery();
  const { query } = controls;
  const products = useProductsPage(query);
  const facets = useFacetCounts(query);
  const result = products.value;
  const hasSelection = Object.values(query.selected).some(v => v.length > 0);

  return (
    <Page themeId="home">
      <Header
        title={title}
        subtitle="Find data products, read their contracts, ask for access"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12} md={3}>
            <FacetPanel
              query={query}
              counts={facets.value}
              loading={facets.loading}
              error={facets.error}
              onToggle={controls.toggleFacetValue}
              onClear={controls.clearFilters}
            />
          </Grid>
          <Grid item xs={12} md={9}>
            <Grid container spacing={2} alignItems="center">
              <Grid item xs={12} sm={8}>
                <SearchBox term={query.term} onSearch={controls.setTerm} />
              </Grid>
              <Grid item xs={12} sm={4}>
                <SortSelect
                  sort={query.sort}
                  hasTerm={Boolean(query.term)}
                  onChange={controls.setSort}
                />
              </Grid>
            </Grid>
            <Typography
              variant="body2"
              color="textSecondary"
              role="status"
              style={{ margin: '12px 0' }}
            >
              {result && !products.loading
                ? `${result.totalItems} data ${
                    result.totalItems === 1 ? 'product' : 'products'
                  }`
                : ' '}
            </Typography>
            {products.loading && <Progress />}
            {products.error && (
              <>
                <ResponseErrorPanel
                  title="The data products could not be loaded"
                  error={products.error}
                />
                {query.cursor && (
                  <Button onClick={() => controls.goToPage(undefined, 1)}>
                    Back to the first page
                  </Button>
                )}
              </>
            )}
            {!products.loading && !products.error && result && (
              <>
                {result.items.length === 0 ? (
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
                ) : (
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
                        <ProductCard
                          entity={entity}
                          actions={cardActions?.(entity)}
                        />
                      </Grid>
                    ))}
                  </Grid>
                )}
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
            )}
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
