/**
 * The backend of the data mesh suite's access requests: the REST API, the workflow, the
 * permission rules and the policy part a portal's permission policy uses.
 *
 * @packageDocumentation
 */
export { dataAccessPlugin as default } from './plugin';
export { dataAccessPlugin } from './plugin';
export {
  dataAccessConditions,
  createDataAccessConditionalDecision,
} from './permissions/conditionExports';
export {
  createDataAccessPolicyPart,
  governanceRefsFromConfig,
} from './permissions/policyPart';
export type {
  DataAccessPolicyPart,
  DataAccessPolicyPartOptions,
} from './permissions/policyPart';
export { dataAccessPermissionRules } from './permissions/rules';
export { accessRequestPermissionResourceRef } from './permissions/resourceRef';
export type { AccessRequestQuery } from './permissions/resourceRef';
export type { PurposeCategory } from './service/purposes';
