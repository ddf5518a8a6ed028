export { EntityDataProductConsumersCard } from './EntityDataProductConsumersCard';
export type { EntityDataProductConsumersCardProps } from './EntityDataProductConsumersCard';
