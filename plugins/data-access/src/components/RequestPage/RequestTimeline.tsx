import type {
  AccessRequest,
  AccessRequestEvent,
} from '@datamesh/plugin-data-access-common';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import Timeline from '@material-ui/lab/Timeline';
import TimelineConnector from '@material-ui/lab/TimelineConnector';
import TimelineContent from '@material-ui/lab/TimelineContent';
import TimelineDot from '@material-ui/lab/TimelineDot';
import TimelineItem from '@material-ui/lab/TimelineItem';
import TimelineSeparator from '@material-ui/lab/TimelineSeparator';
import { formatDateTime } from '../../lib/dates';
import { STATE_LABELS, upcomingSteps } from '../../lib/requestStates';
import { Actor } from '../shared/Actor';

const useStyles = makeStyles(theme => ({
  timeline: { padding: 0, margin: 0 },
  // Without opposite content the lab Timeline keeps an empty half; give it to the content.
  item: { '&::before': { display: 'none' } },
  upcoming: { color: theme.palette.text.disabled },
  reason: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
}));

const BAD_ENDINGS = ['rejected', 'failed'];

/**
 * The request followed like an order: every change of state that happened (who, when,
 * why), then, greyed, the steps still to come until access is granted.
 */
export function RequestTimeline(props: {
  request: AccessRequest;
  history: AccessRequestEvent[];
}) {
  const { request, history } = props;
  const classes = useStyles();
  const upcoming = upcomingSteps(request.state, request.endDate);

  return (
    <Timeline className={classes.timeline} aria-label="Request progress">
      {history.map((event, index) => {
        const isLast = index === history.length - 1 && upcoming.length === 0;
        return (
          <TimelineItem
            key={`${event.to}-${event.at}-${index}`}
            className={classes.item}
            aria-current={index === history.length - 1 ? 'step' : undefined}
          >
            <TimelineSeparator>
              <TimelineDot
                color={BAD_ENDINGS.includes(event.to) ? 'secondary' : 'primary'}
              />
              {!isLast && <TimelineConnector />}
            </TimelineSeparator>
            <TimelineContent>
              <Typography variant="subtitle2" component="p">
                {STATE_LABELS[event.to] ?? event.to}
              </Typography>
              <Typography variant="body2" color="textSecondary" component="p">
                by <Actor actor={event.actor} /> on{' '}
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </Typography>
              {event.reason && (
                <Typography
                  variant="body2"
                  component="p"
                  className={classes.reason}
                >
                  Reason: {event.reason}
                </Typography>
              )}
            </TimelineContent>
          </TimelineItem>
        );
      })}
      {upcoming.map((step, index) => (
        <TimelineItem
          key={step.key}
          className={`${classes.item} ${classes.upcoming}`}
          data-upcoming="true"
        >
          <TimelineSeparator>
            <TimelineDot variant="outlined" color="grey" />
            {index < upcoming.length - 1 && <TimelineConnector />}
          </TimelineSeparator>
          <TimelineContent>
            <Typography variant="subtitle2" component="p">
              {step.label}
            </Typography>
            <Typography variant="body2" component="p">
              Still to come: {step.description}
            </Typography>
          </TimelineContent>
        </TimelineItem>
      ))}
    </Timeline>
  );
}
