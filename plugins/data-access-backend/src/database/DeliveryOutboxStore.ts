import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import type {
  DeliveryAction,
  DeliveryOutcome,
} from '@datamesh/plugin-data-access-node';

/**
 * Where a delivery stands: `pending` until a delivery system took it, `waiting` while that
 * system works on it (polled), then `done` or `failed` for good.
 */
export type OutboxStatus = 'pending' | 'waiting' | 'done' | 'failed';

/** One delivery to hand to a delivery system: a row of the outbox. */
export interface OutboxDelivery {
  /** The delivery id: the same on every retry, sent to the delivery system to drop duplicates. */
  id: string;
  requestId: string;
  action: DeliveryAction;
  /** Id of the delivery adapter, chosen for the product when the request was made. */
  adapter: string;
  status: OutboxStatus;
  /** The delivery system's reference once it took the work; present while `waiting`. */
  reference?: string;
  /** Calls to the delivery system so far, counting the current one of a claimed delivery. */
  attempts: number;
  /** Consecutive calls that did not reach the delivery system; drives the backoff. */
  failures: number;
  lastError?: string;
  nextAttemptAt: string;
  createdAt: string;
  completedAt?: string;
}

/** A delivery a worker claimed: only the holder of its lease may record what happened. */
export interface ClaimedDelivery extends OutboxDelivery {
  leaseToken: string;
}

/**
 * What the delivery worker needs from the database, beside AccessRequestStore. Each method is
 * safe when several workers (several backend replicas) run at once: a due delivery is claimed
 * by one of them only, and an outcome is recorded only by the worker whose lease is current.
 */
export interface DeliveryOutboxStore {
  /** Claims up to `limit` due deliveries for `leaseMs`; others cannot claim them meanwhile. */
  claimDueDeliveries(options: {
    limit: number;
    leaseMs: number;
  }): Promise<ClaimedDelivery[]>;
  /**
   * Records the delivery system's answer in one transaction: `done` grants (or completes a
   * revocation), `pending` keeps the delivery to be polled at `pollAt`, `failed` fails it.
   * Returns false, and writes nothing, when the lease was lost to another worker.
   */
  recordDeliveryOutcome(
    delivery: ClaimedDelivery,
    outcome: DeliveryOutcome,
    options: { actor: string; pollAt: Date },
  ): Promise<boolean>;
  /** The delivery system could not be reached: try again at `nextAttemptAt`. */
  rescheduleDelivery(
    delivery: ClaimedDelivery,
    error: string,
    nextAttemptAt: Date,
  ): Promise<boolean>;
  /** Makes a waiting delivery due now, e.g. when its delivery system calls back. */
  markDeliveryDue(deliveryId: string): Promise<boolean>;
  /** Granted requests whose end date is before `today` (YYYY-MM-DD). */
  findExpiredGrants(today: string, limit: number): Promise<AccessRequest[]>;
  /** The deliveries of a request, oldest first. */
  listDeliveries(requestId: string): Promise<OutboxDelivery[]>;
}
