import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { AccessGrant } from '@datamesh/plugin-data-access-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { formatDay } from '../../lib/dates';
import { useRequestLink } from '../../lib/useRequestLink';
import type { ActionOutcome } from './RequestActions';
import { RevokeGrantButton } from './RevokeGrantButton';

/** The consumers of one or more products: who, through which port, since and until when. */
export function GrantsTable(props: {
  grants: AccessGrant[];
  label: string;
  showProduct?: boolean;
  onOutcome: (outcome: ActionOutcome) => void;
}) {
  const { grants, label, showProduct, onOutcome } = props;
  const requestLink = useRequestLink();
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {showProduct && <TableCell>Data product</TableCell>}
          <TableCell>Consumer</TableCell>
          <TableCell>Output port</TableCell>
          <TableCell>Since</TableCell>
          <TableCell>End date</TableCell>
          <TableCell>Actions</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {grants.map(grant => (
          <TableRow key={grant.requestId} data-request-id={grant.requestId}>
            {showProduct && (
              <TableCell>
                <EntityRefLink entityRef={grant.dataProduct} />
              </TableCell>
            )}
            <TableCell>
              <EntityRefLink entityRef={grant.consumer} />
            </TableCell>
            <TableCell>{grant.outputPort}</TableCell>
            <TableCell>{formatDay(grant.grantedAt)}</TableCell>
            <TableCell>
              {grant.endDate ? formatDay(grant.endDate) : 'No end date'}
            </TableCell>
            <TableCell>
              <RevokeGrantButton grant={grant} onOutcome={onOutcome} />{' '}
              <Link to={requestLink(grant.requestId)}>Request</Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
