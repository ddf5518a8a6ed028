import {
  ACCESS_REQUEST_STATES,
  type AccessRequestState,
} from '@datamesh/plugin-data-access-common';
import { STATE_LABELS } from '../../lib/requestStates';

export interface StateFilter {
  id: string;
  label: string;
  /** Undefined: every state. */
  states?: AccessRequestState[];
}

/** The ways to narrow "My requests": by stage first, then one state at a time. */
export const STAGE_FILTERS: StateFilter[] = [
  { id: 'all', label: 'All requests' },
  {
    id: 'in-progress',
    label: 'In progress',
    states: ['submitted', 'approved', 'provisioning'],
  },
  { id: 'active-grants', label: 'Active grants', states: ['granted'] },
  {
    id: 'ended',
    label: 'Ended',
    states: ['rejected', 'cancelled', 'failed', 'revoked', 'expired'],
  },
];

export const SINGLE_STATE_FILTERS: StateFilter[] = ACCESS_REQUEST_STATES.map(
  state => ({
    id: `state:${state}`,
    label: STATE_LABELS[state],
    states: [state],
  }),
);

export function findStateFilter(id: string | null): StateFilter {
  return (
    [...STAGE_FILTERS, ...SINGLE_STATE_FILTERS].find(
      filter => filter.id === id,
    ) ?? STAGE_FILTERS[0]
  );
}
