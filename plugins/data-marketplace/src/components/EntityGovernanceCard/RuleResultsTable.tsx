import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { GovernanceRuleResult } from '../../api';
import { humanizeValue } from '../../lib/humanize';
import { sortRuleResults } from './ruleResults';

const useStyles = makeStyles({
  code: { fontFamily: 'monospace', wordBreak: 'break-all' },
  table: { '& td, & th': { verticalAlign: 'top' } },
});

function Verdict(props: { result: GovernanceRuleResult }) {
  const { result } = props;
  if (result.passed) {
    return <StatusOK>Passed</StatusOK>;
  }
  return result.severity === 'error' ? (
    <StatusError>Failed</StatusError>
  ) : (
    <StatusWarning>Failed</StatusWarning>
  );
}

/**
 * Each rule's verdict on the product, failures first. A failure's message says what the
 * owner has to change; it comes from the policies and the descriptor, so it is shown as text.
 */
export function RuleResultsTable(props: { results: GovernanceRuleResult[] }) {
  const classes = useStyles();
  return (
    <Table size="small" className={classes.table} aria-label="Rule results">
      <TableHead>
        <TableRow>
          <TableCell>Rule</TableCell>
          <TableCell>Severity</TableCell>
          <TableCell>Result</TableCell>
          <TableCell>Message</TableCell>
          <TableCell>Field</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {sortRuleResults(props.results).map((result, index) => (
          <TableRow key={`${result.ruleId}-${result.path ?? ''}-${index}`}>
            <TableCell className={classes.code}>{result.ruleId}</TableCell>
            <TableCell>{humanizeValue(result.severity)}</TableCell>
            <TableCell>
              <Verdict result={result} />
            </TableCell>
            <TableCell>{result.message}</TableCell>
            <TableCell className={classes.code}>{result.path ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
