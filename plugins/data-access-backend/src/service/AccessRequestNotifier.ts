import { InputError } from '@backstage/errors';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import type { NotificationKind } from '../database/NotificationOutboxStore';

/** The topic of every notification of the plugin, so users can mute or filter it. */
export const NOTIFICATION_TOPIC = 'data-access';

/** Where the data-access frontend lists the requests waiting for the user's decision. */
const TO_DECIDE_LINK = '/data-access?tab=to-decide';

/** Requesters a digest names before "and N more". */
const DIGEST_LISTED = 3;

/**
 * What identifies a notification to the notifications backend: sending again with the same
 * scope updates the notification the recipients have instead of adding a second (it
 * matches scope and sender), which is what a retry after a crash needs.
 */
export interface NotifyOptions {
  scope?: string;
}

/**
 * Tells people what happened to a request, through Backstage's notifications: the owners
 * when someone asks, the requester when it is decided and when delivery ends. Called by the
 * notification worker, off the request path: a failure is thrown, for the worker to retry.
 */
export class AccessRequestNotifier {
  constructor(private readonly notifications: NotificationService) {}

  /** Sends the notification of `kind` about `request`, in the state it is about. */
  async notify(
    kind: NotificationKind,
    request: AccessRequest,
    options: NotifyOptions = {},
  ): Promise<void> {
    switch (kind) {
      case 'submitted':
        return this.submitted(request, options);
      case 'decided':
        return this.decided(request, options);
      case 'delivery-updated':
        return this.deliveryUpdated(request, options);
      default:
        throw new InputError(`Unknown kind of notification '${String(kind)}'`);
    }
  }

  async submitted(
    request: AccessRequest,
    options: NotifyOptions = {},
  ): Promise<void> {
    await this.send(options, {
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

  /**
   * Several new requests to one product, in one notification to its owners (none of the
   * requesters is told of them, as with a single request). Links to the owners' list of
   * requests to decide.
   */
  async submittedTogether(
    requests: AccessRequest[],
    options: NotifyOptions = {},
  ): Promise<void> {
    const requesters = [...new Set(requests.map(r => r.requester))];
    const shown = requests
      .slice(0, DIGEST_LISTED)
      .map(r => `${nameOf(r.requester)} (${r.outputPort})`);
    const more = requests.length - shown.length;
    await this.send(options, {
      recipients: {
        type: 'entity',
        entityRef: [...new Set(requests.flatMap(r => r.productOwners))],
        excludeEntityRef: requesters,
      },
      payload: {
        title: `${requests.length} access requests to ${nameOf(
          requests[0].dataProduct,
        )}`,
        description: `Asked by ${shown.join(', ')}${
          more > 0 ? ` and ${more} more` : ''
        }`,
        link: TO_DECIDE_LINK,
        severity: 'normal',
        topic: NOTIFICATION_TOPIC,
      },
    });
  }

  async decided(
    request: AccessRequest,
    options: NotifyOptions = {},
  ): Promise<void> {
    const approved = request.state !== 'rejected';
    const reason = request.decision?.reason;
    await this.toRequester(request, options, {
      title: `Your access request to ${nameOf(request.dataProduct)} was ${
        approved ? 'approved' : 'rejected'
      }`,
      description: approved
        ? `Delivery has started.${reason ? ` ${reason}` : ''}`
        : reason,
      severity: approved ? 'normal' : 'high',
    });
  }

  /** The request reached granted, failed, revoked or expired; other states tell nothing. */
  async deliveryUpdated(
    request: AccessRequest,
    options: NotifyOptions = {},
  ): Promise<void> {
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
    await this.toRequester(request, options, {
      title: message.title,
      description:
        request.delivery?.lastError ?? request.delivery?.externalStatus,
      severity: message.high ? 'high' : 'normal',
    });
  }

  private async toRequester(
    request: AccessRequest,
    options: NotifyOptions,
    payload: Pick<
      NotificationSendOptions['payload'],
      'title' | 'description' | 'severity'
    >,
  ): Promise<void> {
    await this.send(options, {
      recipients: { type: 'entity', entityRef: request.requester },
      payload: { ...payload, link: linkTo(request), topic: NOTIFICATION_TOPIC },
    });
  }

  private async send(
    options: NotifyOptions,
    notification: NotificationSendOptions,
  ): Promise<void> {
    const { scope } = options;
    await this.notifications.send(
      scope
        ? { ...notification, payload: { ...notification.payload, scope } }
        : notification,
    );
  }
}

/** Where the data-access frontend shows the request. */
function linkTo(request: AccessRequest): string {
  return `/data-access/requests/${encodeURIComponent(request.id)}`;
}

function nameOf(entityRef: string): string {
  return entityRef.slice(entityRef.indexOf('/') + 1);
}
