import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: 0,
  },
  term: { color: theme.palette.text.secondary },
  value: { margin: 0, wordBreak: 'break-word' },
}));

export type Fact = { label: string; value: ReactNode };

/** Label and value pairs as a definition list; facts without a value are left out. */
export function FactList(props: { facts: Fact[] }) {
  const classes = useStyles();
  const facts = props.facts.filter(
    fact =>
      fact.value !== undefined && fact.value !== null && fact.value !== '',
  );
  if (!facts.length) {
    return null;
  }
  return (
    <dl className={classes.list}>
      {facts.map(fact => (
        <div key={fact.label} style={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" className={classes.term}>
            {fact.label}
          </Typography>
          <Typography component="dd" variant="body2" className={classes.value}>
            {fact.value}
          </Typography>
        </div>
      ))}
    </dl>
  );
}
