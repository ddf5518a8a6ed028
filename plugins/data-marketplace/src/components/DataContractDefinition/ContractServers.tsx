import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { asList, asRecord, asText, displayValue } from '../../lib/values';

const MAIN_FIELDS = ['server', 'name', 'type', 'environment'];

/** Where the contract's data lives: one row per server, its connection details as text. */
export function ContractServers(props: { servers: unknown }) {
  const servers = asList(props.servers)
    .map(asRecord)
    .filter((server): server is Record<string, unknown> => Boolean(server));
  if (!servers.length) {
    return null;
  }
  return (
    <Table size="small" aria-label="Servers">
      <TableHead>
        <TableRow>
          <TableCell>Server</TableCell>
          <TableCell>Type</TableCell>
          <TableCell>Environment</TableCell>
          <TableCell>Details</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {servers.map((server, index) => (
          <TableRow key={index}>
            <TableCell>
              {asText(server.server) ?? asText(server.name) ?? '—'}
            </TableCell>
            <TableCell>{asText(server.type) ?? '—'}</TableCell>
            <TableCell>{asText(server.environment) ?? '—'}</TableCell>
            <TableCell style={{ fontFamily: 'monospace' }}>
              {Object.entries(server)
                .filter(([key]) => !MAIN_FIELDS.includes(key))
                .map(([key, value]) => `${key}: ${displayValue(value)}`)
                .join(', ')}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
