import type { DeliveryOutcome } from '@datamesh/plugin-data-access-node';
import type { Knex } from 'knex';
import { applyTransition, ExtraRequestColumns } from './applyTransition';
import { claimDueRows } from './claimDueRows';
import type { ClaimedDelivery, OutboxDelivery } from './DeliveryOutboxStore';
import {
  AccessRequestRow,
  OUTBOX,
  OutboxRow,
  REQUESTS,
  toOutboxDelivery,
} from './tables';
import { truncateError } from './truncateError';

const OPEN_STATUSES = ['pending', 'waiting'];

/**
 * The delivery outbox: claiming due rows under a lease, and recording what the delivery
 * system answered. Part of DatabaseAccessRequestStore, kept apart to keep files small.
 */
export class OutboxQueries {
  constructor(private readonly db: Knex) {}

  async claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const { rows, lease } = await claimDueRows<OutboxRow>(this.db, {
      table: OUTBOX,
      due: (query, now) => this.due(query, now),
      limit,
      leaseMs,
    });
    return rows
      .map(row => ({
        ...toOutboxDelivery(row),
        leaseToken: lease.lease_token,
      }))
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt));
  }

  async recordOutcome(
    delivery: ClaimedDelivery,
    outcome: DeliveryOutcome,
    options: { actor: string; pollAt: Date },
  ): Promise<boolean> {
    const now = new Date();
    const reference =
      ('reference' in outcome ? outcome.reference : undefined) ??
      delivery.reference ??
      null;
    const externalStatus =
      'externalStatus' in outcome ? outcome.externalStatus ?? null : null;
    const seen: ExtraRequestColumns = {
      delivery_reference: reference,
      delivery_external_status: externalStatus,
      delivery_attempts: delivery.attempts,
      delivery_last_error:
        outcome.status === 'failed' ? truncateError(outcome.reason) : null,
    };

    return this.db.transaction(async tx => {
      const owned = await this.release(tx, delivery, {
        status: outcome.status === 'pending' ? 'waiting' : outcome.status,
        reference,
        failures: 0,
        last_error: seen.delivery_last_error ?? null,
        next_attempt_at: outcome.status === 'pending' ? options.pollAt : now,
        completed_at: outcome.status === 'pending' ? null : now,
      });
      if (!owned) {
        return false;
      }
      if (delivery.action === 'grant' && outcome.status !== 'pending') {
        await applyTransition(
          tx,
          {
            id: delivery.requestId,
            from: ['provisioning'],
            to: outcome.status === 'done' ? 'granted' : 'failed',
            actor: options.actor,
            reason: outcome.status === 'failed' ? outcome.reason : undefined,
            // The requester hears that access was granted, or could not be.
            enqueueNotification: 'delivery-updated',
          },
          now,
          seen,
        );
      } else {
        // Waiting, or a revocation: the request's state already says what happened.
        await tx<AccessRequestRow>(REQUESTS)
          .where('id', delivery.requestId)
          .update(seen);
      }
      return true;
    });
  }

  async reschedule(
    delivery: ClaimedDelivery,
    error: string,
    nextAttemptAt: Date,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const owned = await this.release(tx, delivery, {
        failures: delivery.failures + 1,
        last_error: truncateError(error),
        next_attempt_at: nextAttemptAt,
      });
      if (owned) {
        await tx<AccessRequestRow>(REQUESTS)
          .where('id', delivery.requestId)
          .update({
            delivery_attempts: delivery.attempts,
            delivery_last_error: truncateError(error),
          });
      }
      return owned;
    });
  }

  async markDue(deliveryId: string): Promise<boolean> {
    const updated = await this.db<OutboxRow>(OUTBOX)
      .where('id', deliveryId)
      .whereIn('status', OPEN_STATUSES)
      .update({ next_attempt_at: new Date() });
    return updated === 1;
  }

  async listFor(requestId: string): Promise<OutboxDelivery[]> {
    const rows = await this.db<OutboxRow>(OUTBOX)
      .where('request_id', requestId)
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toOutboxDelivery);
  }

  /** Updates a claimed row and ends its lease, only if the lease is still this worker's. */
  private async release(
    tx: Knex.Transaction,
    delivery: ClaimedDelivery,
    changes: Partial<OutboxRow>,
  ): Promise<boolean> {
    const updated = await tx<OutboxRow>(OUTBOX)
      .where({ id: delivery.id, lease_token: delivery.leaseToken })
      .update({ ...changes, lease_token: null, lease_expires_at: null });
    return updated === 1;
  }

  private due(query: Knex.QueryBuilder, now: Date) {
    return query
      .whereIn('status', OPEN_STATUSES)
      .where('next_attempt_at', '<=', now)
      .where(free =>
        free
          .whereNull('lease_expires_at')
          .orWhere('lease_expires_at', '<=', now),
      );
  }
}
