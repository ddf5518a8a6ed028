import { randomUUID } from 'node:crypto';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { canTransition } from '@datamesh/plugin-data-access-common';
import type { Knex } from 'knex';
import type { Transition } from './AccessRequestStore';
import { enqueueNotification } from './NotificationQueries';
import {
  AccessRequestEventRow,
  AccessRequestRow,
  EVENTS,
  OUTBOX,
  OutboxRow,
  REQUESTS,
} from './tables';

/** Columns a caller may change together with the state, e.g. what delivery reported. */
export type ExtraRequestColumns = Partial<
  Pick<
    AccessRequestRow,
    | 'delivery_reference'
    | 'delivery_external_status'
    | 'delivery_attempts'
    | 'delivery_last_error'
  >
>;

/**
 * Applies a transition inside the caller's transaction: the state change, its history row
 * and, when asked, its delivery and notification rows commit together or not at all.
 *
 * The row is locked first (PostgreSQL `FOR UPDATE`; SQLite runs one writer at a time), so
 * concurrent deciders queue and each sees the state the previous one left; the UPDATE then
 * repeats the state and version check, so it changes exactly the row that was checked.
 */
export async function applyTransition(
  tx: Knex.Transaction,
  transition: Transition,
  now: Date,
  extra: ExtraRequestColumns = {},
): Promise<AccessRequestRow> {
  assertPossible(transition);

  const lockQuery = tx<AccessRequestRow>(REQUESTS).where('id', transition.id);
  const current = await (tx.client.dialect === 'postgresql'
    ? lockQuery.forUpdate()
    : lockQuery
  ).first();
  assertCurrent(transition, current);

  const changes: Partial<AccessRequestRow> = {
    ...extra,
    state: transition.to,
    version: Number(current.version) + 1,
    updated_at: now,
  };
  if (transition.decision) {
    changes.decided_by = transition.actor;
    changes.decided_at = now;
    changes.decision_reason = transition.reason ?? null;
  }
  if (transition.to === 'granted') {
    changes.granted_at = now;
  }
  if (transition.enqueueDelivery) {
    // The request shows the latest delivery; a new one starts from nothing.
    Object.assign(changes, {
      delivery_reference: null,
      delivery_external_status: null,
      delivery_attempts: 0,
      delivery_last_error: null,
    });
  }

  const updated = await tx<AccessRequestRow>(REQUESTS)
    .where({ id: current.id, version: current.version, state: current.state })
    .update(changes);
  if (updated !== 1) {
    throw new ConflictError(
      `Access request ${transition.id} was changed by someone else; reload it and try again`,
    );
  }

  const event: AccessRequestEventRow = {
    request_id: current.id,
    from_state: current.state,
    to_state: transition.to,
    actor: transition.actor,
    at: now,
    reason: transition.reason ?? null,
  };
  await tx(EVENTS).insert(event);

  if (transition.enqueueDelivery) {
    const delivery: OutboxRow = {
      id: randomUUID(),
      request_id: current.id,
      action: transition.enqueueDelivery,
      adapter: current.delivery_adapter,
      status: 'pending',
      reference: null,
      attempts: 0,
      failures: 0,
      last_error: null,
      next_attempt_at: now,
      lease_token: null,
      lease_expires_at: null,
      created_at: now,
      completed_at: null,
    };
    await tx(OUTBOX).insert(delivery);
  }
  if (transition.enqueueNotification) {
    await enqueueNotification(
      tx,
      {
        requestId: current.id,
        kind: transition.enqueueNotification,
        requestState: transition.to,
      },
      now,
    );
  }

  return { ...current, ...changes } as AccessRequestRow;
}

/** Mistakes of the caller, not races: they would fail whatever the request's state. */
function assertPossible(transition: Transition) {
  const impossible = transition.from.filter(
    from => !canTransition(from, transition.to),
  );
  if (transition.from.length === 0 || impossible.length > 0) {
    throw new InputError(
      `An access request cannot go from ${
        impossible.join(', ') || 'nowhere'
      } to ${transition.to}`,
    );
  }
  if (transition.to === 'rejected' && !transition.reason?.trim()) {
    throw new InputError('A rejection needs a reason');
  }
}

function assertCurrent(
  transition: Transition,
  current: AccessRequestRow | undefined,
): asserts current is AccessRequestRow {
  if (!current) {
    throw new NotFoundError(`No access request with id ${transition.id}`);
  }
  if (!transition.from.includes(current.state)) {
    throw new ConflictError(
      `Access request ${transition.id} is ${current.state}; it cannot become ${transition.to}`,
    );
  }
  if (
    transition.expectedVersion !== undefined &&
    transition.expectedVersion !== Number(current.version)
  ) {
    throw new ConflictError(
      `Access request ${transition.id} is at version ${current.version}, not ${transition.expectedVersion}: someone acted first`,
    );
  }
}
