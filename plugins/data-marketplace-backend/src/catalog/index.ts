export { entityRefOf } from './entityRefOf';
export { queryEntityPages } from './queryEntityPages';
export { readEntitiesByRef } from './readEntitiesByRef';
export { readEntityVersions } from './readEntityVersions';
