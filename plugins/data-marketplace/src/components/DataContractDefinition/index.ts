export { DataContractDefinition } from './DataContractDefinition';
export type { DataContractDefinitionProps } from './DataContractDefinition';
