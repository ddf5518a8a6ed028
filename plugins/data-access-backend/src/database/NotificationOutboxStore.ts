import type { AccessRequestState } from '@datamesh/plugin-data-access-common';

/**
 * What a notification tells: `submitted` the owners that someone asks; `decided` the
 * requester that the owners approved or rejected; `delivery-updated` the requester that
 * access was granted, failed, revoked or expired.
 */
export type NotificationKind = 'submitted' | 'decided' | 'delivery-updated';

/** `pending` until sent (then the row is deleted); `failed` when the worker gave up. */
export type NotificationStatus = 'pending' | 'failed';

/** One notification to send: a row of the notification outbox. */
export interface QueuedNotification {
  /** The same on every retry; sent as the notification's scope. */
  id: string;
  requestId: string;
  kind: NotificationKind;
  /** The state the change led to, which the notification tells about. */
  requestState: AccessRequestState;
  status: NotificationStatus;
  /** Calls to the notifications backend so far, counting the current one of a claim. */
  attempts: number;
  lastError?: string;
  nextAttemptAt: string;
  createdAt: string;
}

/** A notification a worker claimed: only the holder of its lease may record what happened. */
export interface ClaimedNotification extends QueuedNotification {
  leaseToken: string;
}

/**
 * What the notification worker needs from the database. Safe with several workers (several
 * backend replicas) at once: a due notification is claimed by one of them only, and only
 * the worker whose lease is current may remove or reschedule it.
 */
export interface NotificationOutboxStore {
  /**
   * Claims up to `limit` due notifications for `leaseMs`; others cannot claim them meanwhile.
   */
  claimDueNotifications(options: {
    limit: number;
    leaseMs: number;
  }): Promise<ClaimedNotification[]>;
  /** It was sent: removes it. False, and nothing removed, when the lease was lost. */
  completeNotification(notification: ClaimedNotification): Promise<boolean>;
  /**
   * Several were sent: removes those whose lease is still current; how many it removed
   * (fewer than given when another worker took some over).
   */
  completeNotifications(notifications: ClaimedNotification[]): Promise<number>;
  /** It could not be sent: try again at `nextAttemptAt`. */
  rescheduleNotification(
    notification: ClaimedNotification,
    error: string,
    nextAttemptAt: Date,
  ): Promise<boolean>;
  /** It could not be sent, and will not be tried again: kept as `failed`. */
  failNotification(
    notification: ClaimedNotification,
    error: string,
  ): Promise<boolean>;
  /** The notifications still queued (or given up) for a request, in the order queued. */
  listNotifications(requestId: string): Promise<QueuedNotification[]>;
}
