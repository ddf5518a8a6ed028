export { EntitySlaQualityCard } from './EntitySlaQualityCard';
