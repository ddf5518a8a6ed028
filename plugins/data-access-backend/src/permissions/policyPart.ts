import type { UserInfoService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  dataAccessPermissions,
  dataAccessRequestCancelPermission,
  dataAccessRequestCreatePermission,
  dataAccessRequestDecidePermission,
  dataAccessRequestReadPermission,
  dataAccessRequestRevokePermission,
} from '@datamesh/plugin-data-access-common';
import {
  createDataAccessConditionalDecision as conditional,
  dataAccessConditions as conditions,
} from './conditionExports';

/**
 * One concern of a portal's permission policy: a decision for the permissions it governs,
 * undefined for the others (the shape of the demo portal's `PolicyPart`).
 */
export type DataAccessPolicyPart = (
  request: PolicyQuery,
  user?: PolicyQueryUser,
) => Promise<PolicyDecision | undefined>;

export interface DataAccessPolicyPartOptions {
  /** Entity refs of governance groups (or users) that may read and decide on any request. */
  governanceRefs: string[];
  userInfo: UserInfoService;
}

/** `dataAccess.governance` from config: the governance groups of the policy part. */
export function governanceRefsFromConfig(config: Config): string[] {
  return config.getOptionalStringArray('dataAccess.governance') ?? [];
}

/**
 * The access rules of PRODUCT.md as a policy part:
 * - any signed-in user may ask for access;
 * - a request is read by its requester, the product's owners and governance;
 * - the product's owners and governance decide, never on their own request;
 * - the requester cancels; the product's owners and governance revoke.
 */
export function createDataAccessPolicyPart(
  options: DataAccessPolicyPartOptions,
): DataAccessPolicyPart {
  const governance = new Set(options.governanceRefs.map(normalizeRef));

  return async (request, user) => {
    const { permission } = request;
    if (!dataAccessPermissions.some(p => isPermission(permission, p))) {
      return undefined;
    }
    // The permission backend names a user only for user principals.
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const { userEntityRef, ownershipEntityRefs } =
      await options.userInfo.getUserInfo(user.credentials);
    const ownClaims = [...new Set([userEntityRef, ...ownershipEntityRefs])];
    const isGovernance = ownClaims.some(ref =>
      governance.has(normalizeRef(ref)),
    );
    // Requests are made by users, so "is the requester" compares the user ref only.
    const isRequester = conditions.isRequester({ claims: [userEntityRef] });
    const ownsProduct = conditions.isProductOwner({ claims: ownClaims });

    if (isPermission(permission, dataAccessRequestCreatePermission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (isPermission(permission, dataAccessRequestReadPermission)) {
      return isGovernance
        ? { result: AuthorizeResult.ALLOW }
        : conditional(permission, { anyOf: [isRequester, ownsProduct] });
    }
    if (isPermission(permission, dataAccessRequestDecidePermission)) {
      return conditional(
        permission,
        isGovernance
          ? { not: isRequester }
          : { allOf: [ownsProduct, { not: isRequester }] },
      );
    }
    if (isPermission(permission, dataAccessRequestCancelPermission)) {
      return conditional(permission, isRequester);
    }
    if (isPermission(permission, dataAccessRequestRevokePermission)) {
      return isGovernance
        ? { result: AuthorizeResult.ALLOW }
        : conditional(permission, ownsProduct);
    }
    return { result: AuthorizeResult.DENY };
  };
}

function normalizeRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}
