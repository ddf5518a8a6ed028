import { createPermission } from '@backstage/plugin-permission-common';

/** The resource type of access requests, for conditional permissions. */
export const RESOURCE_TYPE_DATA_ACCESS_REQUEST = 'data-access-request';

/** Asking for access: any signed-in user, unless a policy says otherwise. */
export const dataAccessRequestCreatePermission = createPermission({
  name: 'data-access.request.create',
  attributes: { action: 'create' },
});

/** Reading a request: its requester, the product's owners and governance. */
export const dataAccessRequestReadPermission = createPermission({
  name: 'data-access.request.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_DATA_ACCESS_REQUEST,
});

/** Approving or rejecting: the product's owners or governance, never the requester. */
export const dataAccessRequestDecidePermission = createPermission({
  name: 'data-access.request.decide',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_DATA_ACCESS_REQUEST,
});

/** Cancelling a submitted request: its requester. */
export const dataAccessRequestCancelPermission = createPermission({
  name: 'data-access.request.cancel',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_DATA_ACCESS_REQUEST,
});

/** Revoking a grant: the product's owners or governance. */
export const dataAccessRequestRevokePermission = createPermission({
  name: 'data-access.request.revoke',
  attributes: { action: 'delete' },
  resourceType: RESOURCE_TYPE_DATA_ACCESS_REQUEST,
});

export const dataAccessPermissions = [
  dataAccessRequestCreatePermission,
  dataAccessRequestReadPermission,
  dataAccessRequestDecidePermission,
  dataAccessRequestCancelPermission,
  dataAccessRequestRevokePermission,
];
