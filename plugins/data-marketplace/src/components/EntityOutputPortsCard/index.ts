export { EntityOutputPortsCard } from './EntityOutputPortsCard';
export type { EntityOutputPortsCardProps } from './EntityOutputPortsCard';
