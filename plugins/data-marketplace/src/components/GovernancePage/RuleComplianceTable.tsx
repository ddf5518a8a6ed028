import { InfoCard } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { GovernancePolicy, RuleCompliance } from '../../api';
import { formatPercent } from '../../lib/format';
import { RULE_COMPLIANCE_DEFINITION } from '../../lib/metricDefinitions';
import { MetricDefinition } from '../common/MetricDefinition';

const useStyles = makeStyles({
  code: { fontFamily: 'monospace' },
});

/**
 * How many products each rule passed and failed on, worst rule first. Domain rules appear
 * here too (they are not in the mesh-wide policies, so they have no description).
 */
export function RuleComplianceTable(props: {
  rules: RuleCompliance[];
  policies: GovernancePolicy[];
}) {
  const classes = useStyles();
  const describe = new Map(
    props.policies.map(policy => [
      policy.id,
      policy.description ?? policy.message ?? '',
    ]),
  );
  const rules = [...props.rules].sort(
    (a, b) => b.failed - a.failed || a.ruleId.localeCompare(b.ruleId),
  );
  return (
    <InfoCard title="Compliance per rule">
      <Table size="small" aria-label="Compliance per rule">
        <TableHead>
          <TableRow>
            <TableCell>Rule</TableCell>
            <TableCell>What it asks</TableCell>
            <TableCell align="right">Passed</TableCell>
            <TableCell align="right">Failed</TableCell>
            <TableCell align="right">Compliance</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rules.map(rule => (
            <TableRow key={rule.ruleId}>
              <TableCell className={classes.code}>{rule.ruleId}</TableCell>
              <TableCell>{describe.get(rule.ruleId) ?? ''}</TableCell>
              <TableCell align="right">{rule.passed}</TableCell>
              <TableCell align="right">{rule.failed}</TableCell>
              <TableCell align="right">
                {formatPercent(rule.compliance)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <MetricDefinition text={RULE_COMPLIANCE_DEFINITION} />
    </InfoCard>
  );
}
