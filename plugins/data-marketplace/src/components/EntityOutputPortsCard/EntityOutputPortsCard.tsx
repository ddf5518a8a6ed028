import type { Entity } from '@backstage/catalog-model';
import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import type { OutputPort } from '@datamesh/plugin-data-mesh-common';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { outputPorts } from '../../lib/dataProduct';
import { humanizeValue } from '../../lib/humanize';
import { safeHref } from '../../lib/safeUrl';
import { asText } from '../../lib/values';

const useStyles = makeStyles({
  code: { fontFamily: 'monospace', wordBreak: 'break-all' },
});

/** @public */
export interface EntityOutputPortsCardProps {
  /**
   * What each port offers besides its facts, such as the data-access plugin's request
   * button for that port.
   */
  portActions?: (entity: Entity, port: OutputPort) => ReactNode;
}

function ContractLink(props: { contract?: string; namespace?: string }) {
  const contract = asText(props.contract);
  if (!contract) {
    return <>—</>;
  }
  try {
    parseEntityRef(contract, { defaultKind: 'api' });
  } catch {
    return <>{contract}</>;
  }
  return (
    <EntityRefLink
      entityRef={contract}
      defaultKind="api"
      defaultNamespace={props.namespace}
    />
  );
}

/** The ways to consume the product: each port's type, address, contract and description. */
export function EntityOutputPortsCard(props: EntityOutputPortsCardProps) {
  const { portActions } = props;
  const { entity } = useEntity();
  const classes = useStyles();
  const ports = outputPorts(entity);

  return (
    <InfoCard title="Output ports" subheader="The ways to consume this product">
      {ports.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          This data product declares no output port.
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>Port</TableCell>
              <TableCell>Type</TableCell>
              <TableCell>Address</TableCell>
              <TableCell>Description</TableCell>
              <TableCell>Contract</TableCell>
              {portActions && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {ports.map(port => {
              const address = asText(port.address);
              const addressHref = safeHref(address);
              const type = asText(port.type) ?? 'other';
              return (
                <TableRow key={port.name}>
                  <TableCell>
                    {port.name}
                    {asText(port.version) && (
                      <Typography variant="caption" display="block">
                        v{port.version}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {humanizeValue(type)}
                    {asText(port.originalType) && (
                      <Typography variant="caption" display="block">
                        {port.originalType}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell className={classes.code}>
                    {addressHref ? (
                      <Link to={addressHref}>{address}</Link>
                    ) : (
                      address ?? '—'
                    )}
                  </TableCell>
                  <TableCell>{asText(port.description) ?? ''}</TableCell>
                  <TableCell>
                    <ContractLink
                      contract={port.contract}
                      namespace={entity.metadata.namespace}
                    />
                  </TableCell>
                  {portActions && (
                    <TableCell>{portActions(entity, port)}</TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
