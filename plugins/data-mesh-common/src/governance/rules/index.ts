import type { RuleType } from '../types';
import { contractQualityDeclared } from './contractQualityDeclared';
import { deprecatedSuccessor } from './deprecatedSuccessor';
import { namingPattern } from './namingPattern';
import { outputPortContract } from './outputPortContract';
import { ownerGroupExists } from './ownerGroupExists';
import { requiredFields } from './requiredFields';
import { sensitiveDataAccess } from './sensitiveDataAccess';
import { upstreamNotRetired } from './upstreamNotRetired';

export type { RequiredFieldsParams } from './requiredFields';
export type { NamingPatternParams } from './namingPattern';
export type { OutputPortContractParams } from './outputPortContract';
export type { SensitiveDataAccessParams } from './sensitiveDataAccess';
export type { DeprecatedSuccessorParams } from './deprecatedSuccessor';
export type { OwnerGroupExistsParams } from './ownerGroupExists';
export type { UpstreamNotRetiredParams } from './upstreamNotRetired';
export type { ContractQualityDeclaredParams } from './contractQualityDeclared';

/** The built-in rule types, by their `type`. */
export const RULE_TYPES = {
  'required-fields': requiredFields,
  'naming-pattern': namingPattern,
  'output-port-contract': outputPortContract,
  'sensitive-data-access': sensitiveDataAccess,
  'deprecated-successor': deprecatedSuccessor,
  'owner-group-exists': ownerGroupExists,
  'upstream-not-retired': upstreamNotRetired,
  'contract-quality-declared': contractQualityDeclared,
} satisfies Record<string, RuleType<any>>;

export type PolicyRuleType = keyof typeof RULE_TYPES;
export const POLICY_RULE_TYPES = Object.keys(RULE_TYPES) as PolicyRuleType[];
