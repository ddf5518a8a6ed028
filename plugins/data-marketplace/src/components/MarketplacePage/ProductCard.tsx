import type { Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import PeopleIcon from '@material-ui/icons/People';
import ScheduleIcon from '@material-ui/icons/Schedule';
import type { ReactNode } from 'react';
import {
  consumerCount,
  freshnessSummary,
  governanceStatus,
  outputPorts,
  productPurpose,
  productSpec,
  productTitle,
} from '../../lib/dataProduct';
import { humanizeValue } from '../../lib/humanize';
import { asText } from '../../lib/values';
import { ClassificationChip } from '../common/ClassificationChip';
import { GovernanceBadge } from '../common/GovernanceBadge';

const useStyles = makeStyles(theme => ({
  card: { height: '100%', display: 'flex', flexDirection: 'column' },
  content: { flexGrow: 1 },
  title: { fontWeight: theme.typography.fontWeightMedium as number },
  // Purposes are plain text here, cut to three lines: the product page has the full text.
  purpose: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    margin: theme.spacing(1, 0),
  },
  line: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.text.secondary,
  },
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
}));

/** Longest purpose sent to the page, whatever the CSS clamp shows. */
const PURPOSE_MAX_CHARS = 280;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Markdown marks in a purpose would show as symbols on a card: keep the words only. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function ProductCard(props: { entity: Entity; actions?: ReactNode }) {
  const { entity, actions } = props;
  const classes = useStyles();
  const spec = productSpec(entity);
  const purpose = productPurpose(entity);
  const freshness = freshnessSummary(entity);
  const consumers = consumerCount(entity);
  const portTypes = [
    ...new Set(outputPorts(entity).map(port => asText(port.type) ?? 'other')),
  ];
  const domain = asText(spec.domain);
  const owner = asText(spec.owner);

  return (
    <Card
      className={classes.card}
      variant="outlined"
      component="article"
      aria-label={productTitle(entity)}
    >
      <CardContent className={classes.content}>
        <Typography variant="h6" component="h2" className={classes.title}>
          <EntityRefLink entityRef={entity}>
            {productTitle(entity)}
          </EntityRefLink>
        </Typography>
        <Typography variant="body2" color="textSecondary" component="div">
          {domain && (
            <>
              <EntityRefLink entityRef={domain} defaultKind="domain" hideIcon />
              {owner && ' · '}
            </>
          )}
          {owner && (
            <EntityRefLink entityRef={owner} defaultKind="group" hideIcon />
          )}
        </Typography>
        {purpose && (
          <Typography variant="body2" className={classes.purpose}>
            {truncate(plainText(purpose), PURPOSE_MAX_CHARS)}
          </Typography>
        )}
        <Box className={classes.chips} mb={1}>
          <ClassificationChip classification={asText(spec.classification)} />
          {asText(spec.type) && (
            <Chip size="small" label={humanizeValue(asText(spec.type)!)} />
          )}
          {portTypes.map(type => (
            <Chip
              key={type}
              size="small"
              variant="outlined"
              label={humanizeValue(type)}
            />
          ))}
        </Box>
        {freshness && (
          <Typography variant="body2" className={classes.line}>
            <ScheduleIcon fontSize="small" /> {humanizeValue(freshness)}
          </Typography>
        )}
        <Typography
          variant="body2"
          className={classes.line}
          data-testid="consumer-count"
        >
          <PeopleIcon fontSize="small" />
          {consumers === 1 ? '1 consumer' : `${consumers} consumers`}
        </Typography>
        <GovernanceBadge status={governanceStatus(entity)} />
      </CardContent>
      {actions && <CardActions>{actions}</CardActions>}
    </Card>
  );
}
