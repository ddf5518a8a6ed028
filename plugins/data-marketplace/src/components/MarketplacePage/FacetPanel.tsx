import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { FACETS } from './facets';
import { FacetGroup } from './FacetGroup';
import { MarketplaceQuery } from './marketplaceQuery';
import { FacetCounts } from './useMarketplaceResults';

export function FacetPanel(props: {
  query: MarketplaceQuery;
  counts?: FacetCounts;
  loading: boolean;
  error?: Error;
  /** The catalog counts facets without the search term; the backend's index with it. */
  countsIgnoreTerm?: boolean;
  onToggle: (param: string, value: string) => void;
  onClear: () => void;
}) {
  const { query, counts, loading, error, countsIgnoreTerm, onToggle, onClear } =
    props;
  const hasSelection = Object.values(query.selected).some(v => v.length > 0);
  return (
    <nav aria-label="Filters">
      {hasSelection && (
        <Button size="small" onClick={onClear}>
          Clear filters
        </Button>
      )}
      {error && (
        <ResponseErrorPanel title="Filters could not be loaded" error={error} />
      )}
      {loading && !counts && <Progress />}
      {counts &&
        FACETS.map(facet => {
          const facetCounts = counts[facet.param] ?? [];
          const selected = query.selected[facet.param] ?? [];
          if (facet.hideWhenEmpty && !facetCounts.length && !selected.length) {
            return null;
          }
          return (
            <FacetGroup
              key={facet.param}
              facet={facet}
              counts={facetCounts}
              selected={selected}
              onToggle={value => onToggle(facet.param, value)}
            />
          );
        })}
      {counts && countsIgnoreTerm && query.term && (
        <Typography variant="caption" color="textSecondary">
          Counts are for the selected filters; the search text is not counted
          in.
        </Typography>
      )}
    </nav>
  );
}
