import type {
  AccessGrant,
  AccessRequest,
  AccessRequestEvent,
  AccessRequestState,
} from '@datamesh/plugin-data-access-common';
import type { DeliveryAction } from '@datamesh/plugin-data-access-node';
import type { OutboxDelivery, OutboxStatus } from './DeliveryOutboxStore';
import type {
  NotificationKind,
  NotificationStatus,
  QueuedNotification,
} from './NotificationOutboxStore';

/**
 * Rows of the tables created by migrations/, and their mapping to the API types.
 * PostgreSQL returns timestamps as Date, SQLite as epoch milliseconds.
 */
export type DbTimestamp = Date | number | string;

export interface AccessRequestRow {
  id: string;
  requester: string;
  data_product: string;
  output_port: string;
  consumer: string;
  purpose_category: string;
  purpose_text: string;
  end_date: string | null;
  product_owners: string;
  state: AccessRequestState;
  version: number;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
  decided_by: string | null;
  decided_at: DbTimestamp | null;
  decision_reason: string | null;
  granted_at: DbTimestamp | null;
  delivery_adapter: string;
  delivery_reference: string | null;
  delivery_external_status: string | null;
  delivery_attempts: number;
  delivery_last_error: string | null;
  idempotency_key: string | null;
}

export interface AccessRequestEventRow {
  id?: number | string;
  request_id: string;
  from_state: AccessRequestState | null;
  to_state: AccessRequestState;
  actor: string;
  at: DbTimestamp;
  reason: string | null;
}

export interface OutboxRow {
  id: string;
  request_id: string;
  action: DeliveryAction;
  adapter: string;
  status: OutboxStatus;
  reference: string | null;
  attempts: number;
  failures: number;
  last_error: string | null;
  next_attempt_at: DbTimestamp;
  lease_token: string | null;
  lease_expires_at: DbTimestamp | null;
  created_at: DbTimestamp;
  completed_at: DbTimestamp | null;
}

export interface NotificationRow {
  /** Given by the database on insert; PostgreSQL returns a bigint as a string. */
  seq?: number | string;
  id: string;
  request_id: string;
  kind: NotificationKind;
  request_state: AccessRequestState;
  status: NotificationStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: DbTimestamp;
  lease_token: string | null;
  lease_expires_at: DbTimestamp | null;
  created_at: DbTimestamp;
}

export const REQUESTS = 'access_requests';
export const OWNERS = 'access_request_owners';
export const EVENTS = 'access_request_events';
export const OUTBOX = 'delivery_outbox';
export const NOTIFICATIONS = 'access_request_notifications';

/** States in which a delivery has been, or is being, handed to a delivery system. */
const DELIVERY_STATES: AccessRequestState[] = [
  'approved',
  'provisioning',
  'granted',
  'failed',
  'revoked',
  'expired',
];

export function toDate(value: DbTimestamp): Date {
  if (value instanceof Date) {
    return value;
  }
  if (typeof value === 'number') {
    return new Date(value);
  }
  // A timestamp SQLite wrote itself (CURRENT_TIMESTAMP) is UTC without a zone.
  return new Date(/^\d{4}-\d{2}-\d{2} \d/.test(value) ? `${value}Z` : value);
}

export function toIso(value: DbTimestamp): string {
  return toDate(value).toISOString();
}

function optional<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

export function toAccessRequest(row: AccessRequestRow): AccessRequest {
  return {
    id: row.id,
    requester: row.requester,
    dataProduct: row.data_product,
    outputPort: row.output_port,
    consumer: row.consumer,
    purpose: { category: row.purpose_category, text: row.purpose_text },
    endDate: optional(row.end_date),
    productOwners: JSON.parse(row.product_owners),
    state: row.state,
    version: Number(row.version),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    decision:
      row.decided_by && row.decided_at !== null
        ? {
            by: row.decided_by,
            at: toIso(row.decided_at),
            reason: optional(row.decision_reason),
          }
        : undefined,
    delivery: DELIVERY_STATES.includes(row.state)
      ? {
          adapter: row.delivery_adapter,
          reference: optional(row.delivery_reference),
          externalStatus: optional(row.delivery_external_status),
          attempts: Number(row.delivery_attempts),
          lastError: optional(row.delivery_last_error),
        }
      : undefined,
  };
}

export function toAccessRequestEvent(
  row: AccessRequestEventRow,
): AccessRequestEvent {
  return {
    requestId: row.request_id,
    from: row.from_state,
    to: row.to_state,
    actor: row.actor,
    at: toIso(row.at),
    reason: optional(row.reason),
  };
}

export function toAccessGrant(row: AccessRequestRow): AccessGrant {
  return {
    requestId: row.id,
    dataProduct: row.data_product,
    outputPort: row.output_port,
    consumer: row.consumer,
    requester: row.requester,
    grantedAt: toIso(row.granted_at ?? row.updated_at),
    endDate: optional(row.end_date),
  };
}

export function toOutboxDelivery(row: OutboxRow): OutboxDelivery {
  return {
    id: row.id,
    requestId: row.request_id,
    action: row.action,
    adapter: row.adapter,
    status: row.status,
    reference: optional(row.reference),
    attempts: Number(row.attempts),
    failures: Number(row.failures),
    lastError: optional(row.last_error),
    nextAttemptAt: toIso(row.next_attempt_at),
    createdAt: toIso(row.created_at),
    completedAt:
      row.completed_at === null ? undefined : toIso(row.completed_at),
  };
}

export function toQueuedNotification(row: NotificationRow): QueuedNotification {
  return {
    id: row.id,
    requestId: row.request_id,
    kind: row.kind,
    requestState: row.request_state,
    status: row.status,
    attempts: Number(row.attempts),
    lastError: optional(row.last_error),
    nextAttemptAt: toIso(row.next_attempt_at),
    createdAt: toIso(row.created_at),
  };
}
