/**
 * Catalog module of the data mesh suite.
 *
 * @packageDocumentation
 */
export { catalogModuleDataMesh as default } from './module';
export { DataMeshEntitiesProcessor } from './DataMeshEntitiesProcessor';
export { createDescriptorEntityDataParser } from './descriptorEntityDataParser';
export { DataProductConsumersProcessor } from './DataProductConsumersProcessor';
export { DataProductListedAtProcessor } from './DataProductListedAtProcessor';
export { DataProductGovernanceStatusProcessor } from './DataProductGovernanceStatusProcessor';
export type { ProcessorBatchingOptions } from './batching/createBatchLoader';
