export { default } from './module';
export {
  DataMeshPermissionPolicy,
  catalogAdminPart,
} from './DataMeshPermissionPolicy';
export type { PolicyPart } from './DataMeshPermissionPolicy';
