/**
 * Scaffolder module of the data mesh suite: actions that create, validate, evolve and
 * publish data products (ODPS descriptors and ODCS contracts).
 *
 * @packageDocumentation
 */
export { scaffolderModuleDataMesh as default } from './module';
export { createCreateDescriptorAction } from './actions/createDescriptor';
export { createEvolveDescriptorAction } from './actions/evolveDescriptor';
export { createValidateDescriptorsAction } from './actions/validateDescriptors';
export { createDiffContractAction } from './actions/diffContract';
export { createPublishRepositoryAction } from './actions/publishRepository';
export { readLocalPublisherConfig } from './publish/localPublisherConfig';
export type { LocalPublisherConfig } from './publish/localPublisherConfig';
export type {
  DescriptorPolicy,
  DescriptorPolicyFactory,
  PolicyIssue,
} from './governance/policies';
export { structuralPolicies } from './governance/structuralPolicies';
