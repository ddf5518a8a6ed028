import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  DECISION_TTL_MS,
  WHOLE_CATALOG_READ_REQUIRED,
  WholeCatalogReadGate,
} from './WholeCatalogReadGate';

/**
 * The gate's cache of decisions (router.test.ts runs the gate behind the route, with a
 * policy per user): how long a decision lives, what is asked again, and its bound.
 */

const alice = mockCredentials.user('user:default/alice');
const bob = mockCredentials.user('user:default/bob');

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };
const OWNED_ONLY: PolicyDecision = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'catalog',
  resourceType: 'catalog-entity',
  conditions: {
    rule: 'IS_ENTITY_OWNER',
    resourceType: 'catalog-entity',
    params: { claims: ['user:default/alice'] },
  },
};

function gateWith(
  decision: PolicyDecision,
  options: { maxCachedUsers?: number } = {},
) {
  const permissions = mockServices.permissions.mock({
    authorizeConditional: async requests => requests.map(() => decision),
  });
  const gate = new WholeCatalogReadGate({ permissions, ...options });
  return { gate, asked: permissions.authorizeConditional };
}

describe('WholeCatalogReadGate', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets an unconditional ALLOW through, and refuses CONDITIONAL and DENY', async () => {
    await expect(
      gateWith(ALLOW).gate.assertMayReadIndex(alice),
    ).resolves.toBeUndefined();
    for (const decision of [OWNED_ONLY, DENY]) {
      const refused = gateWith(decision).gate.assertMayReadIndex(alice);
      await expect(refused).rejects.toThrow(NotAllowedError);
      await expect(refused).rejects.toThrow(WHOLE_CATALOG_READ_REQUIRED);
    }
  });

  it('asks once for concurrent first calls, again once the decision is stale', async () => {
    const { gate, asked } = gateWith(ALLOW);
    await Promise.all([
      gate.assertMayReadIndex(alice),
      gate.assertMayReadIndex(alice),
    ]);
    jest.advanceTimersByTime(DECISION_TTL_MS - 1);
    await gate.assertMayReadIndex(alice);
    expect(asked).toHaveBeenCalledTimes(1);

    jest.advanceTimersByTime(1);
    await gate.assertMayReadIndex(alice);
    expect(asked).toHaveBeenCalledTimes(2);
    // Another user has a decision of their own.
    await gate.assertMayReadIndex(bob);
    expect(asked).toHaveBeenCalledTimes(3);
  });

  it('keeps a refusal for the cache time too', async () => {
    const { gate, asked } = gateWith(OWNED_ONLY);
    await expect(gate.assertMayReadIndex(alice)).rejects.toThrow();
    await expect(gate.assertMayReadIndex(alice)).rejects.toThrow();
    expect(asked).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed call to the permission backend', async () => {
    const { gate, asked } = gateWith(ALLOW);
    asked.mockRejectedValueOnce(new Error('permission backend unreachable'));
    await expect(gate.assertMayReadIndex(alice)).rejects.toThrow(
      'permission backend unreachable',
    );
    await expect(gate.assertMayReadIndex(alice)).resolves.toBeUndefined();
    expect(asked).toHaveBeenCalledTimes(2);
  });

  it('keeps at most maxCachedUsers decisions, dropping the oldest', async () => {
    const { gate, asked } = gateWith(ALLOW, {
      maxCachedUsers: 1,
    });
    await gate.assertMayReadIndex(alice);
    await gate.assertMayReadIndex(bob);
    await gate.assertMayReadIndex(bob);
    expect(asked).toHaveBeenCalledTimes(2);
    await gate.assertMayReadIndex(alice);
    expect(asked).toHaveBeenCalledTimes(3);
  });

  it('asks for a service every time: the permissions service decides it locally', async () => {
    const { gate, asked } = gateWith(ALLOW);
    await gate.assertMayReadIndex(mockCredentials.service());
    await gate.assertMayReadIndex(mockCredentials.service());
    expect(asked).toHaveBeenCalledTimes(2);
  });
});
