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
export type {
  ClaimedNotification,
  NotificationKind,
  NotificationOutboxStore,
  NotificationStatus,
  QueuedNotification,
} from './NotificationOutboxStore';
export { DatabaseAccessRequestStore } from './DatabaseAccessRequestStore';
