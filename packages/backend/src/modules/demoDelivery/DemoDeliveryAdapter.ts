import { LoggerService } from '@backstage/backend-plugin-api';
import type { DeliveryAdapter } from '@datamesh/plugin-data-access-node';

/**
 * The demo's stand-in for a data platform: records the grant (or revocation) in the log and
 * answers at once, with a reference a real platform would give (a role binding's name).
 */
export function createDemoDeliveryAdapter(
  logger: LoggerService,
): DeliveryAdapter {
  return {
    id: 'demo-platform',
    async deliver(request, action, deliveryId) {
      const reference = `demo-${action}-${request.id}`;
      logger.info(
        `Demo data platform: ${action} ${request.consumer} on ${request.dataProduct} (${request.outputPort})`,
        { deliveryId, reference },
      );
      return { status: 'done', reference, externalStatus: `${action}ed` };
    },
  };
}
