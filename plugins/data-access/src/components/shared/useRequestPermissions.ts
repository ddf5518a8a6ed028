import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import {
  dataAccessRequestCancelPermission,
  dataAccessRequestDecidePermission,
  dataAccessRequestRevokePermission,
} from '@datamesh/plugin-data-access-common';
import { usePermission } from '@backstage/plugin-permission-react';
import { actionsAllowedByState } from '../../lib/requestStates';

/**
 * Which actions to offer on a request: the permission framework must allow them for this
 * request, and its state must allow them. The backend checks both again; this only keeps
 * the page from showing buttons that would fail.
 */
export function useRequestPermissions(
  request: Pick<AccessRequest, 'id' | 'state'>,
) {
  const decide = usePermission({
    permission: dataAccessRequestDecidePermission,
    resourceRef: request.id,
  });
  const cancel = usePermission({
    permission: dataAccessRequestCancelPermission,
    resourceRef: request.id,
  });
  const revoke = usePermission({
    permission: dataAccessRequestRevokePermission,
    resourceRef: request.id,
  });
  const byState = actionsAllowedByState(request.state);
  return {
    canDecide: decide.allowed && byState.decide,
    canCancel: cancel.allowed && byState.cancel,
    canRevoke: revoke.allowed && byState.revoke,
  };
}
