import type { Config } from '@backstage/config';
import type { DeliveryAdapter } from '@datamesh/plugin-data-access-node';
import { DELIVERY_CONFIG_KEY } from '../config';
import { createTicketAdapter } from './TicketDeliveryAdapter';
import { createWebhookAdapter } from './WebhookDeliveryAdapter';

/**
 * The shipped adapters whose config section is present: `webhook` for
 * `dataAccess.delivery.webhook`, `ticket` for `dataAccess.delivery.ticket`. Adapters added
 * through the extension point come on top of these.
 */
export function createBuiltInDeliveryAdapters(
  config: Config,
): DeliveryAdapter[] {
  const adapters: DeliveryAdapter[] = [];
  if (config.has(`${DELIVERY_CONFIG_KEY}.webhook`)) {
    adapters.push(createWebhookAdapter(config));
  }
  if (config.has(`${DELIVERY_CONFIG_KEY}.ticket`)) {
    adapters.push(createTicketAdapter(config));
  }
  return adapters;
}
