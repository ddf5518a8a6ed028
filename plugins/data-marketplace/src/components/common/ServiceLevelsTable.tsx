import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { humanizeValue } from '../../lib/humanize';
import { asText, displayValue } from '../../lib/values';

import type { ServiceLevelRow } from '../../lib/displayTypes';

/** ODCS/DCS units written out, so "1 d" reads "1 day(s)". */
const UNITS: Record<string, string> = {
  d: 'day(s)',
  day: 'day(s)',
  days: 'day(s)',
  h: 'hour(s)',
  hr: 'hour(s)',
  hours: 'hour(s)',
  m: 'minute(s)',
  min: 'minute(s)',
  s: 'second(s)',
  y: 'year(s)',
  yr: 'year(s)',
  '%': '%',
};

export function ServiceLevelsTable(props: {
  levels: ServiceLevelRow[];
  emptyText?: string;
}) {
  const { levels, emptyText = 'No service levels are declared.' } = props;
  if (!levels.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    );
  }
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>Service level</TableCell>
          <TableCell>Value</TableCell>
          <TableCell>Note</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {levels.map((level, index) => {
          const unit = asText(level.unit);
          return (
            <TableRow key={`${level.property}-${index}`}>
              <TableCell>{humanizeValue(level.property)}</TableCell>
              <TableCell>
                {displayValue(level.value)}
                {unit
                  ? ` ${UNITS[unit.toLocaleLowerCase('en-US')] ?? unit}`
                  : ''}
              </TableCell>
              <TableCell>{asText(level.note) ?? ''}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
