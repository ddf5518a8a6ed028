import type {
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import type { DataAccessPolicyPart } from './policyPart';

/**
 * The policy part evaluated in process, for portals that run without the permission
 * framework (`permission.enabled` unset). Backstage then allows everything, but the suite
 * promises that only owners or governance decide: without a policy to ask, the plugin keeps
 * to its own rules instead of allowing all.
 */
export function createBuiltInPermissions(options: {
  policyPart: DataAccessPolicyPart;
  userInfo: UserInfoService;
}): Pick<PermissionsService, 'authorize' | 'authorizeConditional'> {
  const { policyPart, userInfo } = options;

  const decide: (
    permission: Parameters<DataAccessPolicyPart>[0]['permission'],
    credentials: PolicyQueryUser['credentials'],
  ) => Promise<PolicyDecision> = async (permission, credentials) => {
    let user: PolicyQueryUser | undefined;
    if ((credentials.principal as { type?: string }).type === 'user') {
      user = { credentials, info: await userInfo.getUserInfo(credentials) };
    }
    return (
      (await policyPart({ permission }, user)) ?? {
        result: AuthorizeResult.DENY,
      }
    );
  };

  return {
    async authorize(requests, { credentials }) {
      return Promise.all(
        requests.map(async ({ permission }) => {
          const decision = await decide(permission, credentials);
          // A conditional answer to a question without a resource cannot be applied here.
          return {
            result:
              decision.result === AuthorizeResult.ALLOW
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          };
        }),
      );
    },
    async authorizeConditional(requests, { credentials }) {
      return Promise.all(
        requests.map(({ permission }) => decide(permission, credentials)),
      );
    },
  };
}
