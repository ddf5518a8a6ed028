import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { FacetDefinition } from './facets';
import { FacetValueLabel } from './FacetValueLabel';

/** Values shown before "Show all": tags and owners can number in the hundreds. */
const COLLAPSED_VALUES = 8;

const useStyles = makeStyles(theme => ({
  group: { marginBottom: theme.spacing(2) },
  value: { display: 'flex', marginRight: 0 },
  label: { display: 'flex', justifyContent: 'space-between', width: '100%' },
  count: { color: theme.palette.text.secondary, marginLeft: theme.spacing(1) },
}));

export function FacetGroup(props: {
  facet: FacetDefinition;
  counts: Array<{ value: string; count: number }>;
  selected: string[];
  onToggle: (value: string) => void;
}) {
  const { facet, counts, selected, onToggle } = props;
  const classes = useStyles();
  const [expanded, setExpanded] = useState(false);

  // A selected value stays on screen even when no product has it any more, so it can be
  // unselected.
  const values = [
    ...counts,
    ...selected
      .filter(value => !counts.some(c => c.value === value))
      .map(value => ({ value, count: 0 })),
  ];
  const shown = expanded
    ? values
    : values.filter(
        (v, index) => index < COLLAPSED_VALUES || selected.includes(v.value),
      );
  const headingId = `data-marketplace-facet-${facet.param}`;

  return (
    <div className={classes.group} role="group" aria-labelledby={headingId}>
      <Typography variant="subtitle2" id={headingId} component="h3">
        {facet.label}
      </Typography>
      {values.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No values
        </Typography>
      )}
      {shown.map(({ value, count }) => (
        <FormControlLabel
          key={value}
          className={classes.value}
          classes={{ label: classes.label }}
          control={
            <Checkbox
              size="small"
              checked={selected.includes(value)}
              onChange={() => onToggle(value)}
              inputProps={
                {
                  'data-facet': facet.param,
                  'data-value': value,
                } as object
              }
            />
          }
          label={
            <>
              <span>
                <FacetValueLabel facet={facet} value={value} />
              </span>
              <span className={classes.count} data-testid="facet-count">
                {count}
              </span>
            </>
          }
        />
      ))}
      {values.length > shown.length && (
        <Button size="small" onClick={() => setExpanded(true)}>
          Show all {values.length}
        </Button>
      )}
    </div>
  );
}
