import type {
  AccessGrant,
  AccessRequest,
  AccessRequestEvent,
  AccessRequestState,
  Page,
} from '@datamesh/plugin-data-access-common';
import type { NotificationKind } from './NotificationOutboxStore';

/**
 * A new request, as the service layer has checked and completed it: the request's own fields
 * (the store adds id, state, version and timestamps), plus what only creation needs.
 */
export interface NewAccessRequest
  extends Pick<
    AccessRequest,
    | 'requester'
    | 'dataProduct'
    | 'outputPort'
    | 'consumer'
    | 'purpose'
    | 'endDate'
    | 'productOwners'
  > {
  /** The delivery adapter config chose for the product (`webhook`, `ticket`, ...). */
  deliveryAdapter: string;
  /**
   * The client's Idempotency-Key: creating twice with the same key (and requester) returns
   * the first request instead of a second one.
   */
  idempotencyKey?: string;
  /** Queue the notification to the owners in the creation's transaction. */
  enqueueNotification?: 'submitted';
}

/**
 * Filters of a list. `visibleTo` is the permission framework's verdict turned into data: the
 * service passes the caller's identity refs, and the store returns only rows the caller may
 * read (requester is one of them, or a product owner is one of them), unless `all` is set
 * (an unconditional ALLOW, e.g. for governance).
 */
export interface AccessRequestFilter {
  requester?: string;
  /** Requests waiting for a decision by one of these owners (`to-decide`). */
  awaitingOwners?: string[];
  dataProduct?: string;
  states?: AccessRequestState[];
  visibleTo?: { refs: string[] } | { all: true };
}

/** A change of state, written with its history row (and outbox rows) in one transaction. */
export interface Transition {
  id: string;
  /** The version the actor saw; a different current version is a conflict (409). */
  expectedVersion?: number;
  from: AccessRequestState[];
  to: AccessRequestState;
  actor: string;
  reason?: string;
  /** Set when the transition is a decision (approve/reject). */
  decision?: boolean;
  /** Queue a delivery ('grant' after approval, 'revoke' after revocation or expiry). */
  enqueueDelivery?: 'grant' | 'revoke';
  /** Queue a notification telling about the new state; sent later by the notification worker. */
  enqueueNotification?: NotificationKind;
}

/**
 * Where access requests live: the requests, their append-only history, and the outboxes of
 * deliveries and notifications. Implemented with knex on SQLite and PostgreSQL
 * (DatabaseAccessRequestStore).
 */
export interface AccessRequestStore {
  create(
    request: NewAccessRequest,
  ): Promise<{ request: AccessRequest; created: boolean }>;
  get(id: string): Promise<AccessRequest | undefined>;
  /** The requests of these ids that exist, in no particular order. */
  getMany(ids: string[]): Promise<AccessRequest[]>;
  list(
    filter: AccessRequestFilter,
    page: { cursor?: string; limit: number },
  ): Promise<Page<AccessRequest>>;
  /**
   * Applies a transition if the request is in one of `from` (and at `expectedVersion`);
   * returns the updated request, or throws NotFoundError / ConflictError (@backstage/errors).
   */
  transition(transition: Transition): Promise<AccessRequest>;
  history(id: string): Promise<AccessRequestEvent[]>;
  /** The product's consumers: its requests in state granted. */
  grants(dataProduct: string): Promise<AccessGrant[]>;
  /**
   * The consumers of many products in one read, as `grants` gives them one product at a
   * time: every product asked is in the map, with [] when it has none.
   */
  grantsOfProducts(dataProducts: string[]): Promise<Map<string, AccessGrant[]>>;
}
