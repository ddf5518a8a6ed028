export { DatabaseGovernanceStore } from './DatabaseGovernanceStore';
export type * from './GovernanceStore';
