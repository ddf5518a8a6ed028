import {
  canTransition,
  isFinalState,
  type AccessRequestState,
} from '@datamesh/plugin-data-access-common';

export const STATE_LABELS: Record<AccessRequestState, string> = {
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  provisioning: 'Provisioning',
  granted: 'Granted',
  failed: 'Delivery failed',
  revoked: 'Revoked',
  expired: 'Expired',
};

/** A step of the order tracking that has not happened yet. */
export interface UpcomingStep {
  key: string;
  label: string;
  description: string;
}

/**
 * The steps a request still goes through on its way to a grant, like the parcel steps of
 * an order: submitted → decided → provisioning → granted. A request that ended (rejected,
 * cancelled, failed, revoked, expired) has none; a time-bound grant still has its end.
 */
export function upcomingSteps(
  state: AccessRequestState,
  endDate?: string,
): UpcomingStep[] {
  const decided: UpcomingStep = {
    key: 'decided',
    label: 'Decision',
    description: "The product's owners approve or reject the request",
  };
  const provisioning: UpcomingStep = {
    key: 'provisioning',
    label: 'Provisioning',
    description: 'The data platform sets up the access',
  };
  const granted: UpcomingStep = {
    key: 'granted',
    label: 'Granted',
    description: 'The consumer can use the output port',
  };
  const ends: UpcomingStep[] = endDate
    ? [
        {
          key: 'expired',
          label: 'Access ends',
          description: `Time-bound access ends after ${endDate}`,
        },
      ]
    : [];
  if (isFinalState(state)) {
    return [];
  }
  switch (state) {
    case 'submitted':
      return [decided, provisioning, granted, ...ends];
    case 'approved':
      return [provisioning, granted, ...ends];
    case 'provisioning':
      return [granted, ...ends];
    default:
      return ends;
  }
}

/** What the state machine still lets happen to a request, whoever asks. */
export function actionsAllowedByState(state: AccessRequestState) {
  return {
    decide:
      canTransition(state, 'approved') && canTransition(state, 'rejected'),
    cancel: canTransition(state, 'cancelled'),
    revoke: canTransition(state, 'revoked'),
  };
}
