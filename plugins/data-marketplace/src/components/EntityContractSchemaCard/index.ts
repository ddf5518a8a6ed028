export { EntityContractSchemaCard } from './EntityContractSchemaCard';
