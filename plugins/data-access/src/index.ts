/**
 * Access requests to data products for Backstage: the request dialog, order tracking,
 * my requests, and the owner's inbox.
 *
 * @packageDocumentation
 */
export {
  dataAccessPlugin,
  DataAccessPage,
  EntityDataProductConsumersCard,
} from './plugin';
export { RequestAccessButton } from './components/RequestAccessButton';
export type { RequestAccessButtonProps } from './components/RequestAccessButton';
export type { EntityDataProductConsumersCardProps } from './components/EntityDataProductConsumersCard';
export { rootRouteRef as dataAccessRouteRef } from './routes';
export { DataAccessClient, dataAccessApiRef } from './api';
export type {
  CreateAccessRequestOptions,
  DataAccessApi,
  ListAccessRequestsOptions,
  PurposeCategory,
} from './api';
