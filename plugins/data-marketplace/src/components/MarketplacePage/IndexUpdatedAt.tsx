import Typography from '@material-ui/core/Typography';
import { formatDateTime, formatRelativeTime } from '../../lib/format';

/**
 * When the backend's index was last fed, discreetly: its results lag the catalog by up to
 * one indexer run. Nothing before the first run, or where the results come from the catalog.
 */
export function IndexUpdatedAt(props: { indexedAt?: string | null }) {
  const { indexedAt } = props;
  const ago = indexedAt ? formatRelativeTime(indexedAt) : undefined;
  if (!indexedAt || !ago) {
    return null;
  }
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      title={formatDateTime(indexedAt)}
      data-testid="index-updated-at"
    >
      Updated {ago}
    </Typography>
  );
}
