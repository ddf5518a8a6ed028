import { randomUUID } from 'node:crypto';
import type { AccessRequestState } from '@datamesh/plugin-data-access-common';
import type { Knex } from 'knex';
import { claimDueRows } from './claimDueRows';
import type {
  ClaimedNotification,
  NotificationKind,
  QueuedNotification,
} from './NotificationOutboxStore';
import { NOTIFICATIONS, NotificationRow, toQueuedNotification } from './tables';
import { truncateError } from './truncateError';

/**
 * Queues a notification inside the caller's transaction, so that the change and the news of
 * it commit together or not at all.
 */
export async function enqueueNotification(
  tx: Knex.Transaction,
  notification: {
    requestId: string;
    kind: NotificationKind;
    requestState: AccessRequestState;
  },
  now: Date,
): Promise<void> {
  const row: NotificationRow = {
    id: randomUUID(),
    request_id: notification.requestId,
    kind: notification.kind,
    request_state: notification.requestState,
    status: 'pending',
    attempts: 0,
    last_error: null,
    next_attempt_at: now,
    lease_token: null,
    lease_expires_at: null,
    created_at: now,
  };
  await tx(NOTIFICATIONS).insert(row);
}

/**
 * The notification outbox: claiming due rows under a lease, and removing or rescheduling
 * them. Part of DatabaseAccessRequestStore, kept apart to keep files small.
 */
export class NotificationQueries {
  constructor(private readonly db: Knex) {}

  async claimDue(
    limit: number,
    leaseMs: number,
  ): Promise<ClaimedNotification[]> {
    const { rows, lease } = await claimDueRows<NotificationRow>(this.db, {
      table: NOTIFICATIONS,
      due: (query, now) => this.due(query, now),
      orderBy: ['next_attempt_at', 'seq'],
      limit,
      leaseMs,
    });
    // In the order they were queued, so that "approved" is sent before "granted".
    return rows
      .sort((a, b) => Number(a.seq) - Number(b.seq))
      .map(row => ({
        ...toQueuedNotification(row),
        leaseToken: lease.lease_token,
      }));
  }

  async complete(notification: ClaimedNotification): Promise<boolean> {
    const deleted = await this.owned(notification).delete();
    return deleted === 1;
  }

  /** Removes sent notifications of one claim at once; the number still held and removed. */
  async completeAll(notifications: ClaimedNotification[]): Promise<number> {
    let removed = 0;
    const byLease = new Map<string, string[]>();
    for (const { leaseToken, id } of notifications) {
      byLease.set(leaseToken, [...(byLease.get(leaseToken) ?? []), id]);
    }
    for (const [leaseToken, ids] of byLease) {
      removed += await this.db<NotificationRow>(NOTIFICATIONS)
        .where('lease_token', leaseToken)
        .whereIn('id', ids)
        .delete();
    }
    return removed;
  }

  async reschedule(
    notification: ClaimedNotification,
    error: string,
    nextAttemptAt: Date,
  ): Promise<boolean> {
    return this.release(notification, {
      last_error: truncateError(error),
      next_attempt_at: nextAttemptAt,
    });
  }

  async fail(
    notification: ClaimedNotification,
    error: string,
  ): Promise<boolean> {
    return this.release(notification, {
      status: 'failed',
      last_error: truncateError(error),
    });
  }

  async listFor(requestId: string): Promise<QueuedNotification[]> {
    const rows = await this.db<NotificationRow>(NOTIFICATIONS)
      .where('request_id', requestId)
      .orderBy('seq', 'asc');
    return rows.map(toQueuedNotification);
  }

  /** The claimed row, only if the lease is still this worker's. */
  private owned(notification: ClaimedNotification) {
    return this.db<NotificationRow>(NOTIFICATIONS).where({
      id: notification.id,
      lease_token: notification.leaseToken,
    });
  }

  private async release(
    notification: ClaimedNotification,
    changes: Partial<NotificationRow>,
  ): Promise<boolean> {
    const updated = await this.owned(notification).update({
      ...changes,
      lease_token: null,
      lease_expires_at: null,
    });
    return updated === 1;
  }

  private due(query: Knex.QueryBuilder, now: Date) {
    return query
      .where('status', 'pending')
      .where('next_attempt_at', '<=', now)
      .where(free =>
        free
          .whereNull('lease_expires_at')
          .orWhere('lease_expires_at', '<=', now),
      );
  }
}
