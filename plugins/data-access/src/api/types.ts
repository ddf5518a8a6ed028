import type { AccessRequestState } from '@datamesh/plugin-data-access-common';

/**
 * A purpose category a request may name (the backend's `dataAccess.purposeCategories`).
 *
 * @public
 */
export interface PurposeCategory {
  id: string;
  title: string;
  description?: string;
}

/**
 * Which requests a list holds: the API's `view`, narrowed by product and state.
 *
 * @public
 */
export interface ListAccessRequestsOptions {
  /** `mine`: asked by me; `to-decide`: waiting for my decision; `all`: all I may read. */
  view?: 'mine' | 'to-decide' | 'all';
  /** Full entity ref of a data product. */
  dataProduct?: string;
  /** One state or several. */
  state?: AccessRequestState | AccessRequestState[];
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  limit?: number;
}

/**
 * Options of a creation that are not part of the request itself.
 *
 * @public
 */
export interface CreateAccessRequestOptions {
  /**
   * Sent as the `Idempotency-Key` header: retrying one submission with the same key gives
   * back the request created the first time instead of a second one.
   */
  idempotencyKey: string;
}
