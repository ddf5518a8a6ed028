import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { ReactNode } from 'react';
import { formatDay } from '../../lib/dates';
import { useRequestLink } from '../../lib/useRequestLink';
import { RequestStateChip } from '../shared/RequestStateChip';

const useStyles = makeStyles({
  purpose: {
    maxWidth: 320,
    overflowWrap: 'anywhere',
    // Long purposes stay readable in full on the request's page.
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
});

export interface RequestTableProps {
  requests: AccessRequest[];
  /** Label of the table for assistive technology. */
  label: string;
  showRequester?: boolean;
  /** Controls for one row, e.g. approve and reject in the inbox. */
  renderActions?: (request: AccessRequest) => ReactNode;
}

/** Requests as rows: what, for whom, why, where it stands, and a link to follow it. */
export function RequestTable(props: RequestTableProps) {
  const { requests, label, showRequester, renderActions } = props;
  const classes = useStyles();
  const requestLink = useRequestLink();
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Data product</TableCell>
          <TableCell>Output port</TableCell>
          <TableCell>Consumer</TableCell>
          {showRequester && <TableCell>Requester</TableCell>}
          <TableCell>Purpose</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Requested</TableCell>
          <TableCell>
            {renderActions ? 'Actions' : <span aria-hidden>&nbsp;</span>}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {requests.map(request => (
          <TableRow key={request.id} data-request-id={request.id}>
            <TableCell>
              <EntityRefLink entityRef={request.dataProduct} />
            </TableCell>
            <TableCell>{request.outputPort}</TableCell>
            <TableCell>
              <EntityRefLink entityRef={request.consumer} />
            </TableCell>
            {showRequester && (
              <TableCell>
                <EntityRefLink entityRef={request.requester} />
              </TableCell>
            )}
            <TableCell>
              <div className={classes.purpose}>{request.purpose.text}</div>
            </TableCell>
            <TableCell>
              <RequestStateChip state={request.state} />
            </TableCell>
            <TableCell>{formatDay(request.createdAt)}</TableCell>
            <TableCell>
              {renderActions?.(request)}
              <Link to={requestLink(request.id)}>Details</Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
