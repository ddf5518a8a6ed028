import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { humanizeValue } from '../../lib/humanize';

const STATUS_ICONS: Record<string, typeof StatusOK> = {
  passing: StatusOK,
  warning: StatusWarning,
  failing: StatusError,
};

/**
 * The governance status the catalog module annotated on a product (its computation belongs
 * to the governance plugin); nothing when the product has none.
 */
export function GovernanceBadge(props: { status?: string }) {
  const { status } = props;
  if (!status) {
    return null;
  }
  const Icon = STATUS_ICONS[status.toLocaleLowerCase('en-US')] ?? StatusPending;
  return (
    <Tooltip title="Governance status: checks of the mesh-wide and domain policies">
      <Typography
        component="span"
        variant="body2"
        data-testid="governance-badge"
      >
        <Icon>Governance: {humanizeValue(status)}</Icon>
      </Typography>
    </Tooltip>
  );
}
