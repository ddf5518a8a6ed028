import { UserInfoService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  catalogEntityDeletePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createDataAccessPolicyPart,
  governanceRefsFromConfig,
} from '@datamesh/plugin-data-access-backend';

/**
 * Permissions that change what the whole portal sees: unregistering entities and deleting
 * locations. Only the configured catalog administrators hold them.
 */
const catalogAdminPermissions = [
  catalogEntityDeletePermission,
  catalogLocationDeletePermission,
];

/**
 * One concern of the policy. Resolves to a decision for the requests it governs and to
 * undefined for the others, so each of the suite's plugins adds its own part without
 * touching the rest.
 */
export type PolicyPart = (
  request: PolicyQuery,
  user?: PolicyQueryUser,
) => Promise<PolicyDecision | undefined>;

/**
 * Allows catalog administration only to users who are, or belong to, one of the given
 * entity refs (`group:default/platform-team`, `user:default/someone`).
 */
export function catalogAdminPart(
  admins: string[],
  userInfo: UserInfoService,
): PolicyPart {
  const adminRefs = new Set(admins.map(normalizeRef));
  return async (request, user) => {
    if (
      !catalogAdminPermissions.some(p => isPermission(request.permission, p))
    ) {
      return undefined;
    }
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const { ownershipEntityRefs } = await userInfo.getUserInfo(
      user.credentials,
    );
    const isAdmin = ownershipEntityRefs.some(ref =>
      adminRefs.has(normalizeRef(ref)),
    );
    return { result: isAdmin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  };
}

function normalizeRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * The portal's permission policy: the first part with an opinion decides. What no part
 * governs (reading the catalog, running templates, searching) is allowed, since Backstage
 * has already refused callers that are not signed in before a policy is asked.
 */
export class DataMeshPermissionPolicy implements PermissionPolicy {
  static fromConfig(
    config: Config,
    options: { userInfo: UserInfoService },
  ): DataMeshPermissionPolicy {
    const admins =
      config.getOptionalStringArray('datamesh.permissions.catalogAdmins') ?? [];
    return new DataMeshPermissionPolicy([
      catalogAdminPart(admins, options.userInfo),
      // Access requests: owners and governance decide, never the requester.
      createDataAccessPolicyPart({
        governanceRefs: governanceRefsFromConfig(config),
        userInfo: options.userInfo,
      }),
    ]);
  }

  constructor(private readonly parts: PolicyPart[]) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    for (const part of this.parts) {
      const decision = await part(request, user);
      if (decision) {
        return decision;
      }
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
