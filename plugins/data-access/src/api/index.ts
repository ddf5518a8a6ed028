export { dataAccessApiRef } from './DataAccessApi';
export type { DataAccessApi } from './DataAccessApi';
export { DataAccessClient } from './DataAccessClient';
export { newIdempotencyKey } from './idempotencyKey';
export type {
  CreateAccessRequestOptions,
  ListAccessRequestsOptions,
  PurposeCategory,
} from './types';
