import Grid from '@material-ui/core/Grid';
import type { EvaluationRun, StatusCounts } from '../../api';
import { formatDateTime, formatPercent } from '../../lib/format';
import { COMPLIANCE_DEFINITION } from '../../lib/metricDefinitions';
import { MetricDefinition } from '../common/MetricDefinition';
import { StatTile } from '../common/StatTile';

/** The mesh as a whole: compliance and how many products pass, warn and fail. */
export function MeshTotals(props: {
  totals: StatusCounts;
  lastRun: EvaluationRun | null;
}) {
  const { totals, lastRun } = props;
  return (
    <>
      <Grid container spacing={2}>
        <Grid item xs={12} sm={6} md>
          <StatTile
            label="Compliance"
            value={formatPercent(totals.compliance)}
            detail={`${totals.products - totals.failing} of ${
              totals.products
            } products not failing`}
          />
        </Grid>
        <Grid item xs={6} sm={3} md>
          <StatTile label="Products" value={totals.products} />
        </Grid>
        <Grid item xs={6} sm={3} md>
          <StatTile label="Passing" value={totals.passing} />
        </Grid>
        <Grid item xs={6} sm={3} md>
          <StatTile label="Warning" value={totals.warning} />
        </Grid>
        <Grid item xs={6} sm={3} md>
          <StatTile label="Failing" value={totals.failing} />
        </Grid>
      </Grid>
      <MetricDefinition text={COMPLIANCE_DEFINITION} />
      <MetricDefinition
        text={
          lastRun
            ? `Last evaluation ${formatDateTime(lastRun.finishedAt)}: ${
                lastRun.products
              } products checked.`
            : 'The governance checks have not run yet.'
        }
      />
    </>
  );
}
