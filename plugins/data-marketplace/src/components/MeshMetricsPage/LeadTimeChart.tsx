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
import type { Cycle, CycleStats, PeriodPoint } from '../../api';
import { durationUnit, formatHours } from '../../lib/format';
import { CYCLE_DEFINITIONS } from '../../lib/metricDefinitions';
import { ChartFigure } from '../common/ChartFigure';

/** A cycle's median and p90 per period, in hours or days (whichever reads better). */
export function LeadTimeChart(props: {
  cycle: Cycle;
  points: Array<PeriodPoint<CycleStats>>;
}) {
  const { cycle, points } = props;
  const theme = useTheme();
  const unit = durationUnit(
    Math.max(0, ...points.map(point => point.hours.p90 ?? 0)),
  );
  const scale = (hours: number | null) =>
    hours === null ? null : hours * unit.perHour;
  const data = points.map(point => ({
    period: point.period,
    median: scale(point.hours.median),
    p90: scale(point.hours.p90),
  }));
  return (
    <ChartFigure
      title={`${CYCLE_DEFINITIONS[cycle].title}, median and p90 (${unit.label})`}
      empty={!points.some(point => point.hours.count > 0)}
    >
      <LineChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="period" />
        <YAxis />
        <Tooltip
          formatter={value => formatHours(Number(value) / unit.perHour)}
        />
        <Legend />
        <Line
          dataKey="median"
          name="Median"
          stroke={theme.palette.primary.main}
          isAnimationActive={false}
        />
        <Line
          dataKey="p90"
          name="p90"
          stroke={theme.palette.secondary.main}
          strokeDasharray="5 3"
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
