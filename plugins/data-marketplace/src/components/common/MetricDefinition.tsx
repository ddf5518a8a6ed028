import Typography from '@material-ui/core/Typography';

/** What a number or chart means, under it, in small print. */
export function MetricDefinition(props: { text: string }) {
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      data-testid="metric-definition"
    >
      {props.text}
    </Typography>
  );
}
