import { makeStyles } from '@material-ui/core/styles';
import type { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(3),
    rowGap: theme.spacing(1.5),
    margin: 0,
  },
  term: {
    ...theme.typography.body2,
    color: theme.palette.text.secondary,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  value: {
    ...theme.typography.body2,
    margin: 0,
    // Purposes and reasons are typed by people; keep their line breaks, break long words.
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
}));

/** Label and value pairs, as a description list so screen readers pair them too. */
export function DetailList(props: { items: Array<[string, ReactNode]> }) {
  const classes = useStyles();
  return (
    <dl className={classes.list}>
      {props.items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt className={classes.term}>{label}</dt>
          <dd className={classes.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
