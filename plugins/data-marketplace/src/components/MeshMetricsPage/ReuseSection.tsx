import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { MetricsSummary } from '../../api';
import { formatNumber, formatShare } from '../../lib/format';
import {
  CONSUMERS_PER_PRODUCT_DEFINITION,
  NO_CONSUMER_DEFINITION,
} from '../../lib/metricDefinitions';
import { MetricDefinition } from '../common/MetricDefinition';
import { StatTile } from '../common/StatTile';
import { DomainCell } from './DomainCell';

/** Reuse, the main value signal: consumers per product, and products nobody consumes. */
export function ReuseSection(props: { reuse: MetricsSummary['reuse'] }) {
  const { day, overall, byDomain } = props.reuse;
  const perProduct = overall.consumersPerProduct;
  return (
    <InfoCard
      title="Reuse"
      subheader={
        day ? `Catalog snapshot of ${day}` : 'No reuse snapshot collected yet'
      }
    >
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <StatTile
            label="Consumers per product"
            value={`${formatNumber(perProduct.mean)} on average`}
            detail={`median ${formatNumber(
              perProduct.median,
            )}, p90 ${formatNumber(perProduct.p90)}, over ${
              overall.products
            } products`}
          />
          <MetricDefinition text={CONSUMERS_PER_PRODUCT_DEFINITION} />
        </Grid>
        <Grid item xs={12} md={6}>
          <StatTile
            label="Products with no consumer"
            value={formatShare(overall.shareWithoutConsumer)}
            detail={`${overall.productsWithoutConsumer} of ${overall.products} products`}
          />
          <MetricDefinition text={NO_CONSUMER_DEFINITION} />
        </Grid>
      </Grid>
      {byDomain.length > 0 && (
        <Table size="small" aria-label="Reuse per domain">
          <TableHead>
            <TableRow>
              <TableCell>Domain</TableCell>
              <TableCell align="right">Products</TableCell>
              <TableCell align="right">With no consumer</TableCell>
              <TableCell align="right">Consumers per product (mean)</TableCell>
              <TableCell align="right">Median</TableCell>
              <TableCell align="right">p90</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {byDomain.map(row => (
              <TableRow key={row.domain ?? ''}>
                <TableCell>
                  <DomainCell domain={row.domain} />
                </TableCell>
                <TableCell align="right">{row.products}</TableCell>
                <TableCell align="right">
                  {`${row.productsWithoutConsumer} (${formatShare(
                    row.shareWithoutConsumer,
                  )})`}
                </TableCell>
                <TableCell align="right">
                  {formatNumber(row.consumersPerProduct.mean)}
                </TableCell>
                <TableCell align="right">
                  {formatNumber(row.consumersPerProduct.median)}
                </TableCell>
                <TableCell align="right">
                  {formatNumber(row.consumersPerProduct.p90)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
