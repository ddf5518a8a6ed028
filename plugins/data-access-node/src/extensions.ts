import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { DeliveryAdapter } from './delivery';

/** Lets backend modules add delivery adapters to the data-access plugin. */
export interface DataAccessDeliveryExtensionPoint {
  addDeliveryAdapter(...adapters: DeliveryAdapter[]): void;
}

export const dataAccessDeliveryExtensionPoint =
  createExtensionPoint<DataAccessDeliveryExtensionPoint>({
    id: 'data-access.delivery',
  });
