export type {
  GovernanceContext,
  GovernanceResult,
  GovernanceRuleResult,
  PolicySeverity,
  RuleFinding,
  RuleType,
} from './types';
export type { PolicyRule, PolicySelector } from './schema';
export { policyRuleSchema, policySetSchema } from './schema';
export {
  GOVERNANCE_POLICIES_CONFIG_KEY,
  PolicyConfigError,
  parsePolicies,
  policiesFromDocument,
  safeParsePolicies,
} from './parse';
export type { PolicyIssue, PolicyParseResult } from './parse';
export { DOMAIN_POLICIES_RULE_ID, resolvePolicies } from './resolvePolicies';
export type {
  PolicyRefusal,
  ResolvedPolicies,
  ResolvedPolicyRule,
} from './resolvePolicies';
export { evaluateGovernance, governanceRefsOf } from './evaluateGovernance';
export { createGovernanceContext } from './context';
export { contractSummaryOf } from './contracts';
export { POLICY_RULE_TYPES, RULE_TYPES } from './rules';
export type * from './rules';
