import { InfoCard } from '@backstage/core-components';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TrendPoint } from '../../api';
import { formatPercent } from '../../lib/format';
import { GOVERNANCE_TREND_DEFINITION } from '../../lib/metricDefinitions';
import { ChartFigure } from '../common/ChartFigure';

/** Mesh compliance per day. */
export function ComplianceTrend(props: { trend: TrendPoint[] }) {
  const { trend } = props;
  const theme = useTheme();
  return (
    <InfoCard title="Trend">
      <ChartFigure
        title="Compliance over time (%)"
        definition={GOVERNANCE_TREND_DEFINITION}
        empty={!trend.length}
      >
        <LineChart data={trend}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip formatter={value => formatPercent(Number(value))} />
          <Line
            type="monotone"
            dataKey="compliance"
            name="Compliance"
            stroke={theme.palette.primary.main}
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFigure>
    </InfoCard>
  );
}
