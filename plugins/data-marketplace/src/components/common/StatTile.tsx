import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  tile: { padding: theme.spacing(2), height: '100%' },
  value: { fontWeight: theme.typography.fontWeightMedium as number },
}));

/** One headline number with its label and what it means; a group named by its label. */
export function StatTile(props: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
}) {
  const classes = useStyles();
  return (
    <Paper
      variant="outlined"
      className={classes.tile}
      role="group"
      aria-label={props.label}
    >
      <Typography variant="overline" color="textSecondary" component="p">
        {props.label}
      </Typography>
      <Typography variant="h5" component="p" className={classes.value}>
        {props.value}
      </Typography>
      {props.detail && (
        <Typography variant="body2" color="textSecondary" component="div">
          {props.detail}
        </Typography>
      )}
    </Paper>
  );
}
