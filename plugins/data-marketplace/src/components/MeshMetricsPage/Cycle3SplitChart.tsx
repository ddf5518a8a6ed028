import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CycleStats, PeriodPoint } from '../../api';
import { durationUnit, formatHours } from '../../lib/format';
import {
  DECISION_DEFINITION,
  DELIVERY_DEFINITION,
  SPLIT_MEDIANS_NOTE,
} from '../../lib/metricDefinitions';
import { ChartFigure } from '../common/ChartFigure';

/**
 * Where consuming a product waits: for the owners' decision, then for delivery by the
 * platform, as stacked medians per period. The decision and the delivery are decoupled
 * (different people and systems), so each has its own bar segment.
 */
export function Cycle3SplitChart(props: {
  points: Array<PeriodPoint<CycleStats>>;
}) {
  const { points } = props;
  const theme = useTheme();
  const total = (point: PeriodPoint<CycleStats>) =>
    (point.decisionHours?.median ?? 0) + (point.deliveryHours?.median ?? 0);
  const unit = durationUnit(Math.max(0, ...points.map(total)));
  const scale = (hours: number | null | undefined) =>
    hours === null || hours === undefined ? null : hours * unit.perHour;
  const data = points.map(point => ({
    period: point.period,
    decision: scale(point.decisionHours?.median),
    delivery: scale(point.deliveryHours?.median),
  }));
  return (
    <ChartFigure
      title={`Cycle 3: waiting for decision and for delivery, medians (${unit.label})`}
      definition={`${DECISION_DEFINITION} ${DELIVERY_DEFINITION} ${SPLIT_MEDIANS_NOTE}`}
      empty={!points.some(point => (point.decisionHours?.count ?? 0) > 0)}
    >
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="period" />
        <YAxis />
        <Tooltip
          formatter={value => formatHours(Number(value) / unit.perHour)}
        />
        <Legend />
        <Bar
          dataKey="decision"
          name="Waiting for decision"
          stackId="cycle3"
          fill={theme.palette.primary.main}
          isAnimationActive={false}
        />
        <Bar
          dataKey="delivery"
          name="Waiting for delivery"
          stackId="cycle3"
          fill={theme.palette.secondary.main}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFigure>
  );
}
