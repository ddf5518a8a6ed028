import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { dataAccessDeliveryExtensionPoint } from '@datamesh/plugin-data-access-node';
import { createDemoDeliveryAdapter } from './DemoDeliveryAdapter';

/**
 * The demo portal has no data platform to grant access in. This module adds a delivery
 * adapter, `demo-platform`, that stands in for one, so that an approved request goes through
 * provisioning to granted as it would in a real portal. Real portals configure the shipped
 * `webhook` or `ticket` adapters (or their own) under `dataAccess.delivery` instead.
 */
export default createBackendModule({
  pluginId: 'data-access',
  moduleId: 'demo-delivery',
  register(reg) {
    reg.registerInit({
      deps: {
        delivery: dataAccessDeliveryExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ delivery, logger }) {
        delivery.addDeliveryAdapter(createDemoDeliveryAdapter(logger));
      },
    });
  },
});
