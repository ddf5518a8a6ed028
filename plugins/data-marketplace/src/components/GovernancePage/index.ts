export { GovernancePage } from './GovernancePage';
export type { GovernancePageProps } from './GovernancePage';
