export { readEntitiesByRef } from './readEntitiesByRef';
export { readEntityVersions } from './readEntityVersions';
