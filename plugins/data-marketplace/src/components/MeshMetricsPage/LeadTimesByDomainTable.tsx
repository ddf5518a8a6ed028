import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { CycleStats, CycleSummary } from '../../api';
import { formatHours } from '../../lib/format';
import { DomainCell } from './DomainCell';

type Row = { domain: string | null; stats: Map<number, CycleStats> };

/** One row per domain that has a lead time in any cycle, in the backend's order. */
function domainRows(cycles: CycleSummary[]): Row[] {
  const rows = new Map<string | null, Row>();
  for (const cycle of cycles) {
    for (const { domain, ...stats } of cycle.byDomain) {
      const row = rows.get(domain) ?? { domain, stats: new Map() };
      row.stats.set(cycle.cycle, stats);
      rows.set(domain, row);
    }
  }
  // Domains by name, the unknown one last, as the backend sorts each list.
  return [...rows.values()].sort((a, b) => {
    if (a.domain === b.domain) return 0;
    if (a.domain === null) return 1;
    if (b.domain === null) return -1;
    return a.domain.localeCompare(b.domain);
  });
}

function Cells(props: { stats?: CycleStats }) {
  const hours = props.stats?.hours;
  return (
    <>
      <TableCell align="right">{formatHours(hours?.median)}</TableCell>
      <TableCell align="right">{formatHours(hours?.p90)}</TableCell>
    </>
  );
}

/** Each cycle's median and p90 per domain, with the mesh (or the selected domain) last. */
export function LeadTimesByDomainTable(props: { cycles: CycleSummary[] }) {
  const { cycles } = props;
  return (
    <Table size="small" aria-label="Lead times per domain">
      <TableHead>
        <TableRow>
          <TableCell rowSpan={2}>Domain</TableCell>
          {cycles.map(cycle => (
            <TableCell key={cycle.cycle} colSpan={2} align="center">
              Cycle {cycle.cycle}
            </TableCell>
          ))}
        </TableRow>
        <TableRow>
          {cycles.map(cycle => [
            <TableCell key={`${cycle.cycle}-median`} align="right">
              Median
            </TableCell>,
            <TableCell key={`${cycle.cycle}-p90`} align="right">
              p90
            </TableCell>,
          ])}
        </TableRow>
      </TableHead>
      <TableBody>
        {domainRows(cycles).map(row => (
          <TableRow key={row.domain ?? ''}>
            <TableCell>
              <DomainCell domain={row.domain} />
            </TableCell>
            {cycles.map(cycle => (
              <Cells key={cycle.cycle} stats={row.stats.get(cycle.cycle)} />
            ))}
          </TableRow>
        ))}
        <TableRow>
          <TableCell component="th" scope="row">
            Overall
          </TableCell>
          {cycles.map(cycle => (
            <Cells key={cycle.cycle} stats={cycle} />
          ))}
        </TableRow>
      </TableBody>
    </Table>
  );
}
