export { EntityDataProductOverviewCard } from './EntityDataProductOverviewCard';
