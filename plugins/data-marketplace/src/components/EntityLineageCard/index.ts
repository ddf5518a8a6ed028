export { EntityLineageCard } from './EntityLineageCard';
