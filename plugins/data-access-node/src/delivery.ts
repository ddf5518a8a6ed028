import type { AccessRequest } from '@datamesh/plugin-data-access-common';

/** What the delivery system is asked to do for a request. */
export type DeliveryAction = 'grant' | 'revoke';

/**
 * What a delivery system answered:
 * - `done`: the permission was granted (or revoked) in the data platform;
 * - `pending`: the system took the work (e.g. a ticket was opened) and will finish later;
 *   the adapter's `poll` is asked again with the reference until it is done or failed;
 * - `failed`: the system refused for good, with its reason; the request becomes `failed`.
 * A delivery system that cannot be reached is not an outcome: the adapter throws, and the
 * delivery is retried later with backoff.
 */
export type DeliveryOutcome =
  | { status: 'done'; reference?: string; externalStatus?: string }
  | { status: 'pending'; reference: string; externalStatus?: string }
  | { status: 'failed'; reason: string; reference?: string };

/**
 * Hands the delivery of an approved request (or the revocation of a grant) to another
 * system: a webhook, a ticketing system, an IAM or data platform API.
 */
export interface DeliveryAdapter {
  /** The id config uses to choose this adapter for a domain or product, e.g. `webhook`. */
  readonly id: string;
  deliver(
    request: AccessRequest,
    action: DeliveryAction,
    /** The same for every retry of one delivery: lets the receiver drop duplicates. */
    deliveryId: string,
  ): Promise<DeliveryOutcome>;
  /** Asked again while an earlier answer was `pending`. */
  poll?(
    request: AccessRequest,
    action: DeliveryAction,
    reference: string,
  ): Promise<DeliveryOutcome>;
}
