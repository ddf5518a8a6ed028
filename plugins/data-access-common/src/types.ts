import type { AccessRequestState } from './states';

/** Why a consumer wants the data: a category from config, and their own words. */
export interface AccessPurpose {
  /** One of the configured purpose categories, e.g. `analytics`, `regulatory-reporting`. */
  category: string;
  text: string;
}

/** Where delivery stands: which system was asked, its reference, how it went. */
export interface AccessDelivery {
  /** The delivery adapter chosen for the product (`webhook`, `ticket`, ...). */
  adapter: string;
  /** The delivery system's own reference, e.g. a ticket number. */
  reference?: string;
  /** The delivery system's last reported status, in its own words. */
  externalStatus?: string;
  attempts: number;
  lastError?: string;
}

/** An access request: who asks, for what, why; and where it stands. */
export interface AccessRequest {
  id: string;
  /** Entity ref of the user who asked (from their identity, never from the body). */
  requester: string;
  /** Entity ref of the DataProduct. */
  dataProduct: string;
  /** Name of the output port asked for. */
  outputPort: string;
  /** Entity ref of who will consume: the requester, one of their groups, a component or system. */
  consumer: string;
  purpose: AccessPurpose;
  /** Last day of time-bound access (ISO date); none for open-ended access. */
  endDate?: string;
  /** Entity refs of the product's owners when the request was made. */
  productOwners: string[];
  state: AccessRequestState;
  /** Increases with every change; a decision names the version its decider saw. */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The decision, once made. */
  decision?: { by: string; at: string; reason?: string };
  delivery?: AccessDelivery;
}

/** One row of a request's append-only history. */
export interface AccessRequestEvent {
  requestId: string;
  /** Null for the creation. */
  from: AccessRequestState | null;
  to: AccessRequestState;
  /** Entity ref of the user, or the service (e.g. `plugin:data-access` for delivery), that acted. */
  actor: string;
  at: string;
  reason?: string;
}

/** A consumer of a product: a granted request. */
export interface AccessGrant {
  requestId: string;
  dataProduct: string;
  outputPort: string;
  consumer: string;
  requester: string;
  grantedAt: string;
  endDate?: string;
}

/** A page of a list, with the cursor of the next page when there is one. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
