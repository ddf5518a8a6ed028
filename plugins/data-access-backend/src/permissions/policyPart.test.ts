import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
  type Permission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  type PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  dataAccessRequestCancelPermission,
  dataAccessRequestCreatePermission,
  dataAccessRequestDecidePermission,
  dataAccessRequestReadPermission,
  dataAccessRequestRevokePermission,
  type AccessRequest,
} from '@datamesh/plugin-data-access-common';
import { createDataAccessPolicyPart } from './policyPart';
import type { AccessRequestQuery } from './resourceRef';
import { dataAccessPermissionRules } from './rules';

const teams: Record<string, string[]> = {
  'user:default/marie.dubois': ['group:default/brokerage-data-team'],
  'user:default/elena.petrova': ['group:default/data-office'],
  'user:default/sofia.rossi': [],
};

const part = createDataAccessPolicyPart({
  governanceRefs: ['group:default/Data-Office'],
  userInfo: mockServices.userInfo.mock({
    async getUserInfo(credentials) {
      const { userEntityRef } = credentials.principal as {
        userEntityRef: string;
      };
      return {
        userEntityRef,
        ownershipEntityRefs: [userEntityRef, ...(teams[userEntityRef] ?? [])],
      };
    },
  }),
});

const rules = Object.values(dataAccessPermissionRules);
const ruleset: PermissionRuleset<AccessRequest, AccessRequestQuery> = {
  getRuleByName: name => rules.find(rule => rule.name === name)!,
};
const applies = createConditionAuthorizer(ruleset);

function requestBy(requester: string): AccessRequest {
  return {
    id: 'r1',
    requester,
    dataProduct: 'dataproduct:default/tenancy-analytics',
    outputPort: 'leases-by-month',
    consumer: requester,
    purpose: {
      category: 'analytics',
      text: 'Rents per month for the committee',
    },
    productOwners: ['group:default/brokerage-data-team'],
    state: 'submitted',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

async function decisionFor(
  user: string,
  permission: Permission,
): Promise<PolicyDecision | undefined> {
  return part(
    { permission },
    {
      credentials: mockCredentials.user(user),
      info: { userEntityRef: user, ownershipEntityRefs: [user] },
    },
  );
}

/** Whether the user may do it to a request made by `requester`, rules applied. */
async function may(user: string, permission: Permission, requester: string) {
  const decision = await decisionFor(user, permission);
  return applies(decision!, requestBy(requester));
}

const marie = 'user:default/marie.dubois';
const elena = 'user:default/elena.petrova';
const sofia = 'user:default/sofia.rossi';
const tom = 'user:default/tom.nguyen';

describe('createDataAccessPolicyPart', () => {
  it('has no opinion on permissions of other plugins', async () => {
    const catalogRead = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
    expect(await decisionFor(sofia, catalogRead)).toBeUndefined();
  });

  it('denies everything to a caller who is not a user', async () => {
    expect(
      await part({ permission: dataAccessRequestCreatePermission }),
    ).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('lets any signed-in user ask for access', async () => {
    expect(await decisionFor(sofia, dataAccessRequestCreatePermission)).toEqual(
      {
        result: AuthorizeResult.ALLOW,
      },
    );
  });

  it.each([
    ['the requester', sofia, true],
    ['an owner of the product', marie, true],
    ['governance (group refs compare case-insensitively)', elena, true],
    ['anyone else', tom, false],
  ])('lets %s read a request', async (_, user, expected) => {
    expect(await may(user, dataAccessRequestReadPermission, sofia)).toBe(
      expected,
    );
  });

  it.each([
    ['an owner, on a request of someone else', marie, sofia, true],
    ['an owner, on their own request', marie, marie, false],
    ['governance, on any product', elena, sofia, true],
    ['governance, on their own request', elena, elena, false],
    ['the requester, who owns nothing', sofia, sofia, false],
    ['anyone else', tom, sofia, false],
  ])('lets %s decide: %s', async (_, user, requester, expected) => {
    expect(await may(user, dataAccessRequestDecidePermission, requester)).toBe(
      expected,
    );
  });

  it.each([
    ['the requester', sofia, true],
    ['an owner', marie, false],
    ['governance', elena, false],
  ])('lets %s cancel', async (_, user, expected) => {
    expect(await may(user, dataAccessRequestCancelPermission, sofia)).toBe(
      expected,
    );
  });

  it.each([
    ['an owner', marie, true],
    ['governance', elena, true],
    ['the requester', sofia, false],
  ])('lets %s revoke', async (_, user, expected) => {
    expect(await may(user, dataAccessRequestRevokePermission, sofia)).toBe(
      expected,
    );
  });

  it('returns conditions that the rules also turn into queries', async () => {
    const decision = await decisionFor(marie, dataAccessRequestReadPermission);
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'data-access',
      resourceType: 'data-access-request',
      conditions: {
        anyOf: [
          {
            rule: 'IS_REQUESTER',
            resourceType: 'data-access-request',
            params: { claims: [marie] },
          },
          {
            rule: 'IS_PRODUCT_OWNER',
            resourceType: 'data-access-request',
            params: { claims: [marie, 'group:default/brokerage-data-team'] },
          },
        ],
      },
    });
  });
});
