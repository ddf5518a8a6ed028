export type {
  AccessRequestFilter,
  AccessRequestStore,
  NewAccessRequest,
  Transition,
} from './AccessRequestStore';
export type {
  ClaimedDelivery,
  DeliveryOutboxStore,
  OutboxDelivery,
  OutboxStatus,
} from './DeliveryOutboxStore';
export { DatabaseAccessRequestStore } from './DatabaseAccessRequestStore';
