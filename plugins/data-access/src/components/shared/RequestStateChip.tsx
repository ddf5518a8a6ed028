import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { AccessRequestState } from '@datamesh/plugin-data-access-common';
import { STATE_LABELS } from '../../lib/requestStates';

type Tone = 'waiting' | 'good' | 'bad' | 'ended';

const TONES: Record<AccessRequestState, Tone> = {
  submitted: 'waiting',
  approved: 'waiting',
  provisioning: 'waiting',
  granted: 'good',
  rejected: 'bad',
  failed: 'bad',
  cancelled: 'ended',
  revoked: 'ended',
  expired: 'ended',
};

const useStyles = makeStyles(theme => ({
  waiting: {
    borderColor: theme.palette.info.main,
    color: theme.palette.info.dark,
  },
  good: {
    borderColor: theme.palette.success.main,
    color: theme.palette.success.dark,
  },
  bad: {
    borderColor: theme.palette.error.main,
    color: theme.palette.error.dark,
  },
  ended: {
    borderColor: theme.palette.grey[500],
    color: theme.palette.text.secondary,
  },
}));

/** Where a request stands, coloured by whether it waits, succeeded, failed or ended. */
export function RequestStateChip(props: { state: AccessRequestState }) {
  const classes = useStyles();
  const { state } = props;
  return (
    <Chip
      size="small"
      variant="outlined"
      className={classes[TONES[state]]}
      label={STATE_LABELS[state] ?? state}
      data-state={state}
    />
  );
}
