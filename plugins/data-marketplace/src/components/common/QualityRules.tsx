import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { humanizeValue } from '../../lib/humanize';
import { asText, displayValue } from '../../lib/values';

import type { LocatedQualityRule } from '../../lib/displayTypes';

const useStyles = makeStyles(theme => ({
  code: {
    fontFamily: 'monospace',
    whiteSpace: 'pre-wrap',
    display: 'block',
    marginTop: theme.spacing(0.5),
  },
}));

/** Fields shown as the rule's headline or as code, not again among its details. */
const HEADLINE_FIELDS = ['description', 'name', 'rule'];
const CODE_FIELDS = ['query', 'implementation', 'sql'];

/**
 * Quality rules as the standards write them (ODCS `quality`, DCS `quality`, the product's
 * own): a headline, then every other field as "name: value" text. Rule texts are written
 * by descriptor authors and are never rendered as markup.
 */
export function QualityRules(props: { rules: LocatedQualityRule[] }) {
  const classes = useStyles();
  if (!props.rules.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No quality rules are declared.
      </Typography>
    );
  }
  return (
    <List dense disablePadding>
      {props.rules.map(({ where, rule }, index) => {
        const headline =
          HEADLINE_FIELDS.map(field => asText(rule[field])).find(Boolean) ??
          humanizeValue(asText(rule.type) ?? 'Rule');
        const details = Object.entries(rule)
          .filter(
            ([key]) =>
              !HEADLINE_FIELDS.includes(key) && !CODE_FIELDS.includes(key),
          )
          .map(([key, value]) => `${key}: ${displayValue(value)}`);
        const code = CODE_FIELDS.map(field => asText(rule[field])).filter(
          Boolean,
        );
        return (
          <ListItem key={`${where}-${index}`} disableGutters>
            <ListItemText
              primary={headline}
              secondaryTypographyProps={{ component: 'div' }}
              secondary={
                <>
                  <span>{[where, ...details].join(' · ')}</span>
                  {code.map(text => (
                    <code key={text} className={classes.code}>
                      {text}
                    </code>
                  ))}
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
