import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dataAccessRequestCreatePermission,
  dataAccessRequestDecidePermission,
  dataAccessRequestReadPermission,
} from '@datamesh/plugin-data-access-common';
import { createBuiltInPermissions } from './builtInPermissions';
import { cachePermissionDecisions } from './cachedPermissions';
import { createDataAccessPolicyPart } from './policyPart';

/** The suite's real policy, evaluated in process, with a count of the questions it gets. */
function countedPolicy(governance: Set<string>) {
  const userInfo = mockServices.userInfo.mock({
    async getUserInfo(credentials) {
      const { userEntityRef } = credentials.principal as {
        userEntityRef: string;
      };
      return {
        userEntityRef,
        ownershipEntityRefs: [
          userEntityRef,
          ...(governance.has(userEntityRef)
            ? ['group:default/data-office']
            : []),
        ],
      };
    },
  });
  const inner = createBuiltInPermissions({
    policyPart: createDataAccessPolicyPart({
      governanceRefs: ['group:default/data-office'],
      userInfo,
    }),
    userInfo,
  });
  const asked = { authorize: 0, authorizeConditional: 0 };
  return {
    asked,
    permissions: {
      authorize: ((requests, options) => {
        asked.authorize += 1;
        return inner.authorize(requests, options);
      }) as typeof inner.authorize,
      authorizeConditional: ((requests, options) => {
        asked.authorizeConditional += 1;
        return inner.authorizeConditional(requests, options);
      }) as typeof inner.authorizeConditional,
    },
  };
}

describe('cachePermissionDecisions', () => {
  const kwame = mockCredentials.user('user:default/kwame.mensah');
  const elena = mockCredentials.user('user:default/elena.petrova');

  it('asks the policy once per user and permission within the time to live', async () => {
    let clock = 0;
    const { asked, permissions } = countedPolicy(new Set());
    const cached = cachePermissionDecisions(permissions, {
      ttlMs: 10_000,
      now: () => clock,
    });
    const read = [{ permission: dataAccessRequestReadPermission }];

    const decisions = await Promise.all([
      cached.authorizeConditional(read, { credentials: kwame }),
      cached.authorizeConditional(read, { credentials: kwame }),
    ]);
    clock = 9_999;
    await cached.authorizeConditional(read, { credentials: kwame });
    expect(asked.authorizeConditional).toBe(1);
    expect(decisions[0]).toEqual(decisions[1]);
    expect(decisions[0][0].result).toBe(AuthorizeResult.CONDITIONAL);

    clock = 10_000;
    await cached.authorizeConditional(read, { credentials: kwame });
    expect(asked.authorizeConditional).toBe(2);
  });

  it("keeps users and permissions apart: one user's answer is never another's", async () => {
    const { asked, permissions } = countedPolicy(
      new Set(['user:default/elena.petrova']),
    );
    const cached = cachePermissionDecisions(permissions, { ttlMs: 10_000 });
    const decide = [{ permission: dataAccessRequestDecidePermission }];

    const [forKwame] = await cached.authorizeConditional(decide, {
      credentials: kwame,
    });
    const [forElena] = await cached.authorizeConditional(decide, {
      credentials: elena,
    });
    await cached.authorizeConditional(
      [{ permission: dataAccessRequestReadPermission }],
      { credentials: kwame },
    );
    await cached.authorize(
      [{ permission: dataAccessRequestCreatePermission }],
      { credentials: kwame },
    );

    expect(forElena).not.toEqual(forKwame);
    expect(asked).toEqual({ authorize: 1, authorizeConditional: 3 });
  });

  it('does not cache questions about a resource, from services, or with a zero time to live', async () => {
    const { asked, permissions } = countedPolicy(new Set());
    const cached = cachePermissionDecisions(permissions, { ttlMs: 10_000 });
    const service = mockCredentials.service('plugin:catalog');
    const create = [{ permission: dataAccessRequestCreatePermission }];

    await cached.authorize(create, { credentials: service });
    await cached.authorize(create, { credentials: service });
    const uncached = cachePermissionDecisions(permissions, { ttlMs: 0 });
    await uncached.authorize(create, { credentials: kwame });
    await uncached.authorize(create, { credentials: kwame });
    await cached.authorizeConditional(
      [
        { permission: dataAccessRequestReadPermission },
        { permission: dataAccessRequestDecidePermission },
      ],
      { credentials: kwame },
    );
    await cached.authorizeConditional(
      [
        { permission: dataAccessRequestReadPermission },
        { permission: dataAccessRequestDecidePermission },
      ],
      { credentials: kwame },
    );

    expect(asked).toEqual({ authorize: 4, authorizeConditional: 2 });
  });

  it('forgets a failed question, so the next one asks again', async () => {
    let fail = true;
    const { permissions } = countedPolicy(new Set());
    const flaky = {
      ...permissions,
      authorize: ((requests, options) =>
        fail
          ? Promise.reject(new Error('permission backend unreachable'))
          : permissions.authorize(
              requests,
              options,
            )) as typeof permissions.authorize,
    };
    const cached = cachePermissionDecisions(flaky, { ttlMs: 10_000 });
    const create = [{ permission: dataAccessRequestCreatePermission }];

    await expect(
      cached.authorize(create, { credentials: kwame }),
    ).rejects.toThrow('unreachable');
    fail = false;
    await expect(
      cached.authorize(create, { credentials: kwame }),
    ).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
  });
});
