import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dataMarketplaceApiRef, type GovernancePolicy } from '../../api';
import { ComplianceTrend } from './ComplianceTrend';
import { DomainCompliance } from './DomainCompliance';
import { MeshTotals } from './MeshTotals';
import { PoliciesTable } from './PoliciesTable';
import { RuleComplianceTable } from './RuleComplianceTable';
import { TrendDaysSelect } from './TrendDaysSelect';
import { WorstOffendersTable } from './WorstOffendersTable';

/** How many worst offenders the page lists. */
const OFFENDERS = 10;

/** @public */
export interface GovernancePageProps {
  /** Page title; "Data mesh governance" by default. */
  title?: string;
}

function Policies(props: {
  policies?: GovernancePolicy[];
  loading: boolean;
  error?: Error;
}) {
  if (props.loading) {
    return <Progress />;
  }
  if (props.error) {
    return <ResponseErrorPanel error={props.error} title="Policies" />;
  }
  return <PoliciesTable policies={props.policies ?? []} />;
}

/**
 * Federated computational governance, mesh-wide: compliance in total, per domain and per
 * rule, the worst offenders, the trend and the policies in force. The numbers are the
 * data-marketplace backend's, which checks every product continuously.
 */
export function GovernancePage(props: GovernancePageProps) {
  const { title = 'Data mesh governance' } = props;
  const api = useApi(dataMarketplaceApiRef);
  const [days, setDays] = useState(30);
  const summary = useAsync(
    () => api.getGovernanceSummary({ limit: OFFENDERS, days }),
    [api, days],
  );
  // Apart from the summary, so that one failing does not hide the other.
  const policies = useAsync(() => api.listGovernancePolicies(), [api]);
  const value = summary.value;

  return (
    <Page themeId="home">
      <Header
        title={title}
        subtitle="How the data products comply with the mesh-wide and domain policies"
      />
      <Content>
        <ContentHeader title="Compliance">
          <TrendDaysSelect days={days} onChange={setDays} />
        </ContentHeader>
        {summary.loading && !value && <Progress />}
        {summary.error && <ResponseErrorPanel error={summary.error} />}
        {value && value.totals.products === 0 && (
          <EmptyState
            missing="data"
            title="No data product has been evaluated yet"
            description={
              value.lastRun
                ? 'The last evaluation found no data product in the catalog. Register one, or create one from a template.'
                : 'The governance checks have not run yet; they run shortly after the backend starts, then on a schedule.'
            }
          />
        )}
        <Grid container spacing={3}>
          {value && value.totals.products > 0 && (
            <>
              <Grid item xs={12}>
                <MeshTotals totals={value.totals} lastRun={value.lastRun} />
              </Grid>
              <Grid item xs={12} lg={6}>
                <DomainCompliance domains={value.domains} />
              </Grid>
              <Grid item xs={12} lg={6}>
                <ComplianceTrend trend={value.trend} />
              </Grid>
              <Grid item xs={12}>
                <WorstOffendersTable offenders={value.worstOffenders} />
              </Grid>
              <Grid item xs={12}>
                <RuleComplianceTable
                  rules={value.rules}
                  policies={policies.value ?? []}
                />
              </Grid>
            </>
          )}
          <Grid item xs={12}>
            <Policies
              policies={policies.value}
              loading={policies.loading}
              error={policies.error}
            />
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
