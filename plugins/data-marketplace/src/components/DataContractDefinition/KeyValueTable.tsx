import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { asRecord, displayValue } from '../../lib/values';

/** An object of a contract (a server, the terms) as name/value rows of plain text. */
export function KeyValueTable(props: { value: unknown; label: string }) {
  const record = asRecord(props.value);
  if (!record) {
    return null;
  }
  return (
    <Table size="small" aria-label={props.label}>
      <TableBody>
        {Object.entries(record).map(([key, value]) => (
          <TableRow key={key}>
            <TableCell component="th" scope="row" style={{ width: '30%' }}>
              {key}
            </TableCell>
            <TableCell style={{ whiteSpace: 'pre-wrap' }}>
              {displayValue(value)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
