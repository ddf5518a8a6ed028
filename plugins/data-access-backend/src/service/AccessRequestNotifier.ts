import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import type { AccessRequest } from '@datamesh/plugin-data-access-common';

/** The topic of every notification of the plugin, so users can mute or filter it. */
export const NOTIFICATION_TOPIC = 'data-access';

/**
 * Tells people what happened to a request, through Backstage's notifications: the owners
 * when someone asks, the requester when it is decided and when delivery ends. The request
 * is already stored when these are sent, so a notification that fails is logged, never
 * turned into an error for the caller.
 */
export class AccessRequestNotifier {
  constructor(
    private readonly notifications: NotificationService,
    private readonly logger: LoggerService,
  ) {}

  async submitted(request: AccessRequest): Promise<void> {
    await this.send(request, {
      recipients: {
        type: 'entity',
        entityRef: request.productOwners,
        excludeEntityRef: request.requester,
      },
      payload: {
        title: `Access requested to ${nameOf(request.dataProduct)} (${
          request.outputPort
        })`,
        description: `${request.requester} asks for ${request.purpose.category}: ${request.purpose.text}`,
        link: linkTo(request),
        severity: 'normal',
        topic: NOTIFICATION_TOPIC,
      },
    });
  }

  async decided(request: AccessRequest): Promise<void> {
    const approved = request.state !== 'rejected';
    const reason = request.decision?.reason;
    await this.toRequester(request, {
      title: `Your access request to ${nameOf(request.dataProduct)} was ${
        approved ? 'approved' : 'rejected'
      }`,
      description: approved
        ? `Delivery has started.${reason ? ` ${reason}` : ''}`
        : reason,
      severity: approved ? 'normal' : 'high',
    });
  }

  /** For the delivery worker: the request reached granted, failed, revoked or expired. */
  async deliveryUpdated(request: AccessRequest): Promise<void> {
    const product = nameOf(request.dataProduct);
    const messages: Partial<
      Record<AccessRequest['state'], { title: string; high: boolean }>
    > = {
      granted: { title: `Access to ${product} is granted`, high: false },
      failed: {
        title: `Access to ${product} could not be delivered`,
        high: true,
      },
      revoked: { title: `Access to ${product} was revoked`, high: true },
      expired: { title: `Access to ${product} has expired`, high: false },
    };
    const message = messages[request.state];
    if (!message) {
      return;
    }
    await this.toRequester(request, {
      title: message.title,
      description:
        request.delivery?.lastError ?? request.delivery?.externalStatus,
      severity: message.high ? 'high' : 'normal',
    });
  }

  private async toRequester(
    request: AccessRequest,
    payload: Pick<
      NotificationSendOptions['payload'],
      'title' | 'description' | 'severity'
    >,
  ): Promise<void> {
    await this.send(request, {
      recipients: { type: 'entity', entityRef: request.requester },
      payload: { ...payload, link: linkTo(request), topic: NOTIFICATION_TOPIC },
    });
  }

  private async send(
    request: AccessRequest,
    notification: NotificationSendOptions,
  ): Promise<void> {
    try {
      await this.notifications.send(notification);
    } catch (error) {
      this.logger.warn('Could not send an access request notification', {
        id: request.id,
        title: notification.payload.title,
        error: String(error),
      });
    }
  }
}

/** Where the data-access frontend shows the request. */
function linkTo(request: AccessRequest): string {
  return `/data-access/requests/${encodeURIComponent(request.id)}`;
}

function nameOf(entityRef: string): string {
  return entityRef.slice(entityRef.indexOf('/') + 1);
}
