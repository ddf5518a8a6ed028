import type {
  ContractObject,
  ContractProperty,
} from '@datamesh/plugin-data-mesh-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { humanizeValue } from '../../lib/humanize';
import { asList, asText } from '../../lib/values';
import { ClassificationChip } from './ClassificationChip';

const useStyles = makeStyles(theme => ({
  object: { marginBottom: theme.spacing(3) },
  code: { fontFamily: 'monospace' },
  table: { '& td, & th': { verticalAlign: 'top' } },
}));

type Row = { path: string; depth: number; property: ContractProperty };

/** Nested properties (objects, array items) as rows under their parent, named by path. */
function flatten(
  properties: ContractProperty[],
  prefix = '',
  depth = 0,
): Row[] {
  return properties.flatMap(property => {
    const path = prefix ? `${prefix}.${property.name}` : property.name;
    return [
      { path, depth, property },
      ...flatten(
        asList<ContractProperty>(property.properties),
        path,
        depth + 1,
      ),
    ];
  });
}

function yesNo(value: boolean | undefined): string {
  if (value === undefined) {
    return '—';
  }
  return value ? 'Yes' : 'No';
}

/**
 * The tables, views, topics or files of a contract with their properties, the same for
 * ODCS and the Data Contract Specification. Every text is shown as text.
 */
export function ContractSchemaTables(props: { objects: ContractObject[] }) {
  const classes = useStyles();
  const objects = asList<ContractObject>(props.objects);
  if (!objects.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        The contract describes no schema.
      </Typography>
    );
  }
  return (
    <>
      {objects.map(object => (
        <section
          key={object.name}
          className={classes.object}
          aria-label={`Schema of ${object.name}`}
        >
          <Box display="flex" alignItems="center" gridGap={8} flexWrap="wrap">
            <Typography variant="subtitle1" component="h4">
              {object.name}
            </Typography>
            {asText(object.physicalType) && (
              <Chip size="small" label={humanizeValue(object.physicalType!)} />
            )}
            {asText(object.physicalName) && (
              <Typography variant="body2" className={classes.code}>
                {object.physicalName}
              </Typography>
            )}
          </Box>
          {asText(object.description) && (
            <Typography variant="body2" color="textSecondary" paragraph>
              {object.description}
            </Typography>
          )}
          <Table size="small" className={classes.table}>
            <TableHead>
              <TableRow>
                <TableCell>Property</TableCell>
                <TableCell>Logical type</TableCell>
                <TableCell>Physical type</TableCell>
                <TableCell>Required</TableCell>
                <TableCell>Description</TableCell>
                <TableCell>Classification</TableCell>
                <TableCell>PII</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {flatten(asList<ContractProperty>(object.properties)).map(
                ({ path, depth, property }) => (
                  <TableRow key={path}>
                    <TableCell
                      className={classes.code}
                      style={{ paddingLeft: 16 + depth * 16 }}
                    >
                      {path}
                      {property.primaryKey && (
                        <Chip
                          size="small"
                          label="PK"
                          title="Primary key"
                          style={{ marginLeft: 4 }}
                        />
                      )}
                    </TableCell>
                    <TableCell>{asText(property.logicalType) ?? '—'}</TableCell>
                    <TableCell className={classes.code}>
                      {asText(property.physicalType) ?? '—'}
                    </TableCell>
                    <TableCell>{yesNo(property.required)}</TableCell>
                    <TableCell>{asText(property.description) ?? ''}</TableCell>
                    <TableCell>
                      <ClassificationChip
                        classification={asText(property.classification)}
                      />
                    </TableCell>
                    <TableCell>
                      {property.pii ? (
                        <Chip size="small" color="secondary" label="PII" />
                      ) : (
                        yesNo(property.pii)
                      )}
                    </TableCell>
                  </TableRow>
                ),
              )}
            </TableBody>
          </Table>
        </section>
      ))}
    </>
  );
}
