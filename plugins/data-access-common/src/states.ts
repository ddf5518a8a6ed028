/**
 * The life of an access request. A consumer submits; the product's owner (or governance)
 * approves or rejects, or the requester cancels; an approved request is handed to a delivery
 * system (provisioning) that grants it or fails; a grant ends when it is revoked or its end
 * date passes.
 */
export const ACCESS_REQUEST_STATES = [
  'submitted',
  'approved',
  'rejected',
  'cancelled',
  'provisioning',
  'granted',
  'failed',
  'revoked',
  'expired',
] as const;

export type AccessRequestState = (typeof ACCESS_REQUEST_STATES)[number];

/** Where each state may go next; a state with nowhere to go is final. */
export const ACCESS_REQUEST_TRANSITIONS: Readonly<
  Record<AccessRequestState, readonly AccessRequestState[]>
> = {
  submitted: ['approved', 'rejected', 'cancelled'],
  approved: ['provisioning'],
  provisioning: ['granted', 'failed'],
  granted: ['revoked', 'expired'],
  rejected: [],
  cancelled: [],
  failed: [],
  revoked: [],
  expired: [],
};

export function canTransition(
  from: AccessRequestState,
  to: AccessRequestState,
): boolean {
  return ACCESS_REQUEST_TRANSITIONS[from].includes(to);
}

export function isFinalState(state: AccessRequestState): boolean {
  return ACCESS_REQUEST_TRANSITIONS[state].length === 0;
}
