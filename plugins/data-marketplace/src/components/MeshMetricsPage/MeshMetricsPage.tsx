import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import {
  MEDIAN_P90_DEFINITION,
  OVER_TIME_DEFINITION,
} from '../../lib/metricDefinitions';
import { MetricDefinition } from '../common/MetricDefinition';
import { Cycle3SplitChart } from './Cycle3SplitChart';
import { ExportButtons } from './ExportButtons';
import { LeadTimeChart } from './LeadTimeChart';
import { LeadTimesByDomainTable } from './LeadTimesByDomainTable';
import { LeadTimeTiles } from './LeadTimeTiles';
import { MetricsFilterBar } from './MetricsFilterBar';
import { ReuseSection } from './ReuseSection';
import { ReuseTrendCharts } from './ReuseTrendCharts';
import { useDomainOptions } from './useDomainOptions';
import { useMeshMetrics } from './useMeshMetrics';
import { useMetricsFilters } from './useMetricsFilters';

/** @public */
export interface MeshMetricsPageProps {
  /** Page title; "Mesh metrics" by default. */
  title?: string;
}

/**
 * How the mesh is doing in lean terms: reuse (consumers per product) and the three lead
 * times (creating, updating and consuming a product) as median and p90, per domain and over
 * time, with the raw lead times to export. The data-marketplace backend computes them.
 */
export function MeshMetricsPage(props: MeshMetricsPageProps) {
  const { title = 'Mesh metrics' } = props;
  const [filters, setFilters] = useMetricsFilters();
  const domains = useDomainOptions();
  const { summary, series } = useMeshMetrics(filters);

  return (
    <Page themeId="home">
      <Header
        title={title}
        subtitle="Reuse and the lead times of creating, updating and consuming data products"
      />
      <Content>
        <Box mb={3}>
          <MetricsFilterBar
            filters={filters}
            domains={domains.value ?? []}
            onChange={setFilters}
          >
            <ExportButtons domain={filters.domain} />
          </MetricsFilterBar>
        </Box>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            {summary.loading && !summary.value && <Progress />}
            {summary.error && <ResponseErrorPanel error={summary.error} />}
          </Grid>
          {summary.value && (
            <>
              <Grid item xs={12}>
                <ReuseSection reuse={summary.value.reuse} />
              </Grid>
              <Grid item xs={12}>
                <InfoCard title="Lead times">
                  <LeadTimeTiles cycles={summary.value.cycles} />
                  <LeadTimesByDomainTable cycles={summary.value.cycles} />
                  <MetricDefinition text={MEDIAN_P90_DEFINITION} />
                </InfoCard>
              </Grid>
            </>
          )}
          <Grid item xs={12}>
            <InfoCard
              title="Over time"
              subheader={`Per ${filters.period}. ${OVER_TIME_DEFINITION}`}
            >
              {series.loading && <Progress />}
              {series.error && <ResponseErrorPanel error={series.error} />}
              {series.value && !series.loading && (
                <Grid container spacing={2}>
                  {series.value.cycles.map(timeseries => (
                    <Grid item xs={12} md={6} key={timeseries.cycle}>
                      <LeadTimeChart
                        cycle={timeseries.cycle}
                        points={timeseries.overall}
                      />
                    </Grid>
                  ))}
                  <Grid item xs={12} md={6}>
                    <Cycle3SplitChart points={series.value.cycle3.overall} />
                  </Grid>
                  <Grid item xs={12}>
                    <ReuseTrendCharts points={series.value.reuse.overall} />
                  </Grid>
                </Grid>
              )}
            </InfoCard>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
