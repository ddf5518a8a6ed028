export { GovernanceEvaluator } from './GovernanceEvaluator';
export type { EvaluationOutcome } from './GovernanceEvaluator';
export { MeshPolicies } from './MeshPolicies';
export {
  GOVERNANCE_SCHEDULE_CONFIG_KEY,
  GOVERNANCE_TASK_ID,
  readGovernanceSchedule,
} from './config';
