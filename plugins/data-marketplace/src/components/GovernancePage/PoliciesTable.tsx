import { InfoCard } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { GovernancePolicy } from '../../api';
import { humanizeValue } from '../../lib/humanize';

const useStyles = makeStyles({
  code: { fontFamily: 'monospace' },
});

/** `DataProduct where spec.lifecycle is production`: which entities a rule checks. */
export function describeAppliesTo(policy: GovernancePolicy): string {
  const kind = policy.appliesTo?.kind ?? 'DataProduct';
  const selector = Object.entries(policy.appliesTo?.selector ?? {});
  if (!selector.length) {
    return kind;
  }
  const conditions = selector.map(
    ([field, values]) => `${field} is ${values.join(' or ')}`,
  );
  return `${kind} where ${conditions.join(' and ')}`;
}

/**
 * The mesh-wide rules in force (app-config `datamesh.governance.policies`). Domains may add
 * rules of their own in their Domain entity; those are not listed here.
 */
export function PoliciesTable(props: { policies: GovernancePolicy[] }) {
  const classes = useStyles();
  const { policies } = props;
  return (
    <InfoCard
      title="Policies in force"
      subheader="Mesh-wide rules; a domain may add its own in its Domain entity."
    >
      {policies.length ? (
        <Table size="small" aria-label="Policies in force">
          <TableHead>
            <TableRow>
              <TableCell>Rule</TableCell>
              <TableCell>What it asks</TableCell>
              <TableCell>Severity</TableCell>
              <TableCell>Applies to</TableCell>
              <TableCell>Enabled</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {policies.map(policy => (
              <TableRow key={policy.id}>
                <TableCell className={classes.code}>{policy.id}</TableCell>
                <TableCell>
                  {policy.description ??
                    policy.message ??
                    humanizeValue(policy.type)}
                </TableCell>
                <TableCell>{humanizeValue(policy.severity)}</TableCell>
                <TableCell>{describeAppliesTo(policy)}</TableCell>
                <TableCell>{policy.enabled ? 'Yes' : 'No'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2">
          No mesh-wide policy is configured.
        </Typography>
      )}
    </InfoCard>
  );
}
