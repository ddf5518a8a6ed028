import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import { RESOURCE_TYPE_DATA_ACCESS_REQUEST } from '@datamesh/plugin-data-access-common';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';

/**
 * What a rule turns into for a query: "the requester is one of these refs" or "one of the
 * product's owners is one of these refs". The service reduces a tree of these to the
 * store's filter (see visibility.ts).
 */
export type AccessRequestQuery =
  | { requesterIn: string[] }
  | { productOwnerIn: string[] };

/** Ties the rules and conditions of access requests to this plugin and resource type. */
export const accessRequestPermissionResourceRef = createPermissionResourceRef<
  AccessRequest,
  AccessRequestQuery
>().with({
  pluginId: 'data-access',
  resourceType: RESOURCE_TYPE_DATA_ACCESS_REQUEST,
});
