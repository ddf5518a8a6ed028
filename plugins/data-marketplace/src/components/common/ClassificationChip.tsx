import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import LockIcon from '@material-ui/icons/Lock';
import { humanizeValue } from '../../lib/humanize';

const useStyles = makeStyles(theme => ({
  public: {},
  internal: {},
  confidential: {
    borderColor: theme.palette.warning.main,
    color: theme.palette.warning.dark,
  },
  restricted: {
    borderColor: theme.palette.error.main,
    color: theme.palette.error.dark,
  },
}));

/** How sensitive the data is; the stricter classes stand out, because they gate access. */
export function ClassificationChip(props: { classification?: string }) {
  const classes = useStyles();
  const { classification } = props;
  if (!classification) {
    return null;
  }
  const key = classification.toLocaleLowerCase('en-US');
  const strict = key === 'confidential' || key === 'restricted';
  return (
    <Chip
      size="small"
      variant="outlined"
      label={humanizeValue(classification)}
      icon={strict ? <LockIcon fontSize="small" /> : undefined}
      className={(classes as Record<string, string>)[key]}
      aria-label={`Classification: ${classification}`}
    />
  );
}
