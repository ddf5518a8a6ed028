export {
  DeliveryWorker,
  DELIVERY_ACTOR,
  DELIVERY_TASK_ID,
} from './DeliveryWorker';
export type {
  DeliveryRunSummary,
  DeliveryWorkerOptions,
} from './DeliveryWorker';
export {
  chooseDeliveryAdapter,
  DEFAULT_DELIVERY_ADAPTER,
  readDeliveryWorkerSettings,
} from './config';
export type { DeliveryWorkerSettings } from './config';
export { createBuiltInDeliveryAdapters } from './adapters/builtInAdapters';
export {
  createWebhookAdapter,
  signWebhookBody,
  WebhookDeliveryAdapter,
} from './adapters/WebhookDeliveryAdapter';
export type { WebhookDeliveryBody } from './adapters/WebhookDeliveryAdapter';
export {
  createTicketAdapter,
  TicketDeliveryAdapter,
} from './adapters/TicketDeliveryAdapter';
