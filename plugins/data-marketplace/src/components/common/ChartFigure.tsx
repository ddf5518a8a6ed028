import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';
import { MetricDefinition } from './MetricDefinition';

const useStyles = makeStyles(theme => ({
  figure: { margin: 0, marginBottom: theme.spacing(2) },
  empty: { padding: theme.spacing(2, 0) },
}));

/**
 * A titled chart that takes its container's width. `initialDimension` is the size until the
 * ResizeObserver measures the container; where there is none (jsdom in tests) the chart
 * keeps it, so charts render in tests without mocking.
 */
export function ChartFigure(props: {
  title: string;
  definition?: string;
  /** Nothing to plot: a sentence instead of empty axes. */
  empty?: boolean;
  height?: number;
  children: ReactElement;
}) {
  const { title, definition, empty, height = 280, children } = props;
  const classes = useStyles();
  return (
    <figure className={classes.figure} aria-label={title}>
      <Typography component="figcaption" variant="subtitle2">
        {title}
      </Typography>
      {empty ? (
        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.empty}
        >
          No data for this period yet.
        </Typography>
      ) : (
        <ResponsiveContainer
          width="100%"
          height={height}
          initialDimension={{ width: 640, height }}
        >
          {children}
        </ResponsiveContainer>
      )}
      {definition && <MetricDefinition text={definition} />}
    </figure>
  );
}
