import Grid from '@material-ui/core/Grid';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReusePoint } from '../../api';
import { formatNumber, formatPercent } from '../../lib/format';
import {
  CONSUMERS_PER_PRODUCT_DEFINITION,
  NO_CONSUMER_DEFINITION,
} from '../../lib/metricDefinitions';
import { ChartFigure } from '../common/ChartFigure';

/** Reuse per period, as the period's last daily snapshot saw the mesh. */
export function ReuseTrendCharts(props: { points: ReusePoint[] }) {
  const { points } = props;
  const theme = useTheme();
  const empty = !points.some(point => point.products > 0);
  const data = points.map(point => ({
    period: point.period,
    mean: point.consumersPerProduct.mean,
    median: point.consumersPerProduct.median,
    withoutConsumer:
      point.shareWithoutConsumer === null
        ? null
        : point.shareWithoutConsumer * 100,
  }));
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <ChartFigure
          title="Consumers per product over time"
          definition={CONSUMERS_PER_PRODUCT_DEFINITION}
          empty={empty}
        >
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" />
            <YAxis allowDecimals />
            <Tooltip formatter={value => formatNumber(Number(value))} />
            <Legend />
            <Line
              dataKey="mean"
              name="Mean"
              stroke={theme.palette.primary.main}
              isAnimationActive={false}
            />
            <Line
              dataKey="median"
              name="Median"
              stroke={theme.palette.secondary.main}
              strokeDasharray="5 3"
              isAnimationActive={false}
            />
          </LineChart>
        </ChartFigure>
      </Grid>
      <Grid item xs={12} md={6}>
        <ChartFigure
          title="Products with no consumer over time (%)"
          definition={NO_CONSUMER_DEFINITION}
          empty={empty}
        >
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip formatter={value => formatPercent(Number(value))} />
            <Line
              dataKey="withoutConsumer"
              name="With no consumer"
              stroke={theme.palette.error.main}
              isAnimationActive={false}
            />
          </LineChart>
        </ChartFigure>
      </Grid>
    </Grid>
  );
}
