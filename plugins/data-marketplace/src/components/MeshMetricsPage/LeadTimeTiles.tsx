import Grid from '@material-ui/core/Grid';
import type { CycleSummary, Distribution } from '../../api';
import { formatHours } from '../../lib/format';
import {
  CYCLE_DEFINITIONS,
  DECISION_DEFINITION,
  DELIVERY_DEFINITION,
} from '../../lib/metricDefinitions';
import { MetricDefinition } from '../common/MetricDefinition';
import { StatTile } from '../common/StatTile';

function countText(hours: Distribution): string {
  return hours.count === 1 ? '1 lead time' : `${hours.count} lead times`;
}

function DistributionTile(props: {
  label: string;
  hours: Distribution | undefined;
  definition: string;
}) {
  const hours = props.hours ?? { count: 0, median: null, p90: null };
  return (
    <>
      <StatTile
        label={props.label}
        value={`median ${formatHours(hours.median)}`}
        detail={`p90 ${formatHours(hours.p90)} · ${countText(hours)}`}
      />
      <MetricDefinition text={props.definition} />
    </>
  );
}

/** Each cycle's median and p90, with Cycle 3's wait for decision and for delivery. */
export function LeadTimeTiles(props: { cycles: CycleSummary[] }) {
  const cycle3 = props.cycles.find(cycle => cycle.cycle === 3);
  return (
    <Grid container spacing={2}>
      {props.cycles.map(cycle => (
        <Grid item xs={12} md={4} key={cycle.cycle}>
          <DistributionTile
            label={CYCLE_DEFINITIONS[cycle.cycle].title}
            hours={cycle.hours}
            definition={CYCLE_DEFINITIONS[cycle.cycle].text}
          />
        </Grid>
      ))}
      {cycle3 && (
        <>
          <Grid item xs={12} md={6}>
            <DistributionTile
              label="Cycle 3: waiting for decision"
              hours={cycle3.decisionHours}
              definition={DECISION_DEFINITION}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <DistributionTile
              label="Cycle 3: waiting for delivery"
              hours={cycle3.deliveryHours}
              definition={DELIVERY_DEFINITION}
            />
          </Grid>
        </>
      )}
    </Grid>
  );
}
