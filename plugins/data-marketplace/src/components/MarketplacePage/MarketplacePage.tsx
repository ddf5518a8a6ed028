import type { Entity } from '@backstage/catalog-model';
import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { FacetPanel } from './FacetPanel';
import { IndexUpdatedAt } from './IndexUpdatedAt';
import { ProductResults } from './ProductResults';
import { SearchBox } from './SearchBox';
import { SortSelect } from './SortSelect';
import { useMarketplaceQuery } from './useMarketplaceQuery';
import { useMarketplaceResults } from './useMarketplaceResults';

/** @public */
export interface MarketplacePageProps {
  /**
   * What each product card offers besides its link, such as the data-access plugin's
   * RequestAccessButton. The entity holds the card's fields (see CARD_FIELDS), its output
   * ports included, and the `datamesh/consumer-count` and `datamesh/governance-status`
   * annotations; its relations only where the page reads the catalog (no index for the user).
   */
  cardActions?: (entity: Entity) => ReactNode;
  /** Page title; "Data marketplace" by default. */
  title?: string;
}

/**
 * The data mesh's shop window: search, facets, sorting and pages of product cards, all
 * computed by the data-marketplace backend's index (one call per search), or by the catalog
 * in a portal without that backend or for a user the index does not answer (a permission
 * policy that hides some entities), so the browser never holds more than one page.
 */
export function MarketplacePage(props: MarketplacePageProps) {
  const { cardActions, title = 'Data marketplace' } = props;
  const controls = useMarketplaceQuery();
  const { query } = controls;
  const { source, products, facets, indexedAt } = useMarketplaceResults(query);
  const result = products.value;

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
              countsIgnoreTerm={source === 'catalog'}
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
            <Box
              display="flex"
              justifyContent="space-between"
              alignItems="baseline"
              style={{ margin: '12px 0' }}
            >
              <Typography variant="body2" color="textSecondary" role="status">
                {result && !products.loading
                  ? `${result.totalItems} data ${
                      result.totalItems === 1 ? 'product' : 'products'
                    }`
                  : ' '}
              </Typography>
              {source === 'index' && <IndexUpdatedAt indexedAt={indexedAt} />}
            </Box>
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
              <ProductResults
                query={query}
                result={result}
                controls={controls}
                cardActions={cardActions}
              />
            )}
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
