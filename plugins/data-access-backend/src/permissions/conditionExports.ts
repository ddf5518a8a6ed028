import { createConditionExports } from '@backstage/plugin-permission-node';
import { accessRequestPermissionResourceRef } from './resourceRef';
import { dataAccessPermissionRules } from './rules';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: accessRequestPermissionResourceRef,
  rules: dataAccessPermissionRules,
});

/**
 * Conditions for permission policies, e.g.
 * `dataAccessConditions.isProductOwner({ claims: user.info.ownershipEntityRefs })`.
 */
export const dataAccessConditions = conditions;

/** Wraps conditions into the decision a policy returns for an access request permission. */
export const createDataAccessConditionalDecision = createConditionalDecision;
