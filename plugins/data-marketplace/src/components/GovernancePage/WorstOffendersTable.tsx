import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ProductStatusLine } from '../../api';
import { domainLabel, formatDateTime } from '../../lib/format';
import { WORST_OFFENDERS_DEFINITION } from '../../lib/metricDefinitions';
import { GovernanceBadge } from '../common/GovernanceBadge';
import { MetricDefinition } from '../common/MetricDefinition';

/** The products with the most failures, each linking to its page (and its governance card). */
export function WorstOffendersTable(props: { offenders: ProductStatusLine[] }) {
  const { offenders } = props;
  return (
    <InfoCard title="Worst offenders">
      {offenders.length ? (
        <Table size="small" aria-label="Worst offenders">
          <TableHead>
            <TableRow>
              <TableCell>Product</TableCell>
              <TableCell>Domain</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell>Status</TableCell>
              <TableCell align="right">Failed errors</TableCell>
              <TableCell align="right">Failed warnings</TableCell>
              <TableCell>Evaluated</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {offenders.map(line => (
              <TableRow key={line.entityRef}>
                <TableCell>
                  <EntityRefLink entityRef={line.entityRef} />
                </TableCell>
                <TableCell>
                  {line.domain ? (
                    <EntityRefLink
                      entityRef={line.domain}
                      defaultKind="domain"
                    />
                  ) : (
                    domainLabel(null)
                  )}
                </TableCell>
                <TableCell>
                  {line.owner ? (
                    <EntityRefLink entityRef={line.owner} defaultKind="group" />
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell>
                  <GovernanceBadge status={line.status} />
                </TableCell>
                <TableCell align="right">{line.failedErrors}</TableCell>
                <TableCell align="right">{line.failedWarnings}</TableCell>
                <TableCell>{formatDateTime(line.evaluatedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2">
          No product fails or warns: every product passes its checks.
        </Typography>
      )}
      <MetricDefinition text={WORST_OFFENDERS_DEFINITION} />
    </InfoCard>
  );
}
