import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { useTheme } from '@material-ui/core/styles';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { DomainCompliance as DomainComplianceRow } from '../../api';
import { domainLabel, formatPercent } from '../../lib/format';
import { COMPLIANCE_DEFINITION } from '../../lib/metricDefinitions';
import { ChartFigure } from '../common/ChartFigure';

/** Compliance per domain, as a table (with the counts) and a bar chart (to compare). */
export function DomainCompliance(props: { domains: DomainComplianceRow[] }) {
  const { domains } = props;
  const theme = useTheme();
  const chartData = domains.map(row => ({
    domain: domainLabel(row.domain),
    compliance: row.compliance,
  }));
  return (
    <InfoCard title="Compliance per domain">
      <Table size="small" aria-label="Compliance per domain">
        <TableHead>
          <TableRow>
            <TableCell>Domain</TableCell>
            <TableCell align="right">Products</TableCell>
            <TableCell align="right">Passing</TableCell>
            <TableCell align="right">Warning</TableCell>
            <TableCell align="right">Failing</TableCell>
            <TableCell align="right">Compliance</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {domains.map(row => (
            <TableRow key={row.domain ?? ''}>
              <TableCell>
                {row.domain ? (
                  <EntityRefLink entityRef={row.domain} defaultKind="domain" />
                ) : (
                  domainLabel(null)
                )}
              </TableCell>
              <TableCell align="right">{row.products}</TableCell>
              <TableCell align="right">{row.passing}</TableCell>
              <TableCell align="right">{row.warning}</TableCell>
              <TableCell align="right">{row.failing}</TableCell>
              <TableCell align="right">
                {formatPercent(row.compliance)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ChartFigure
        title="Compliance per domain (%)"
        definition={COMPLIANCE_DEFINITION}
        empty={!domains.length}
      >
        <BarChart data={chartData}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="domain" />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip formatter={value => formatPercent(Number(value))} />
          <Bar
            dataKey="compliance"
            name="Compliance"
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
        </BarChart>
      </ChartFigure>
    </InfoCard>
  );
}
