import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import type { ClaimedNotification } from '../database/NotificationOutboxStore';

/** A claimed notification and its request (undefined when the request is gone). */
export interface NotificationToSend {
  notification: ClaimedNotification;
  request: AccessRequest | undefined;
}

/** How one claimed batch is sent. */
export interface NotificationPlan {
  /**
   * New requests to the same product, told to its owners in one notification: under a
   * burst of requests an owner gets one notification per product per run, not one each.
   */
  digests: NotificationToSend[][];
  /** Everything else, one list per request, sent one after the other in queued order. */
  lanes: NotificationToSend[][];
}

/**
 * Plans a batch (in the order queued). A `submitted` notification joins its product's
 * digest only when it is the only news of its request in the batch, so that "asked" can
 * never overtake "approved" for the same request; a digest of one is sent as it is.
 */
export function planNotifications(
  batch: NotificationToSend[],
): NotificationPlan {
  const newsPerRequest = new Map<string, number>();
  for (const { notification } of batch) {
    const id = notification.requestId;
    newsPerRequest.set(id, (newsPerRequest.get(id) ?? 0) + 1);
  }
  const byProduct = new Map<string, NotificationToSend[]>();
  const lanes = new Map<string, NotificationToSend[]>();
  for (const item of batch) {
    const { notification, request } = item;
    if (
      request &&
      notification.kind === 'submitted' &&
      newsPerRequest.get(notification.requestId) === 1
    ) {
      const group = byProduct.get(request.dataProduct) ?? [];
      group.push(item);
      byProduct.set(request.dataProduct, group);
    } else {
      const lane = lanes.get(notification.requestId) ?? [];
      lane.push(item);
      lanes.set(notification.requestId, lane);
    }
  }
  const digests: NotificationToSend[][] = [];
  for (const group of byProduct.values()) {
    if (group.length > 1) {
      digests.push(group);
    } else {
      lanes.set(group[0].notification.requestId, group);
    }
  }
  return { digests, lanes: [...lanes.values()] };
}
