export { EntityGovernanceCard } from './EntityGovernanceCard';
