import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AccessGrant,
  AccessRequest,
  AccessRequestEvent,
  CreateAccessRequest,
  DecideAccessRequest,
  EndAccessRequest,
  Page,
} from '@datamesh/plugin-data-access-common';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  CreateAccessRequestOptions,
  ListAccessRequestsOptions,
  PurposeCategory,
} from './types';

/**
 * The data-access backend as the frontend sees it: one method per route of its REST API.
 * Failures reject with a `ResponseError` from `@backstage/errors`, whose `response.status`
 * tells a stale decision (409) from an invalid body (400).
 *
 * @public
 */
export interface DataAccessApi {
  listPurposeCategories(): Promise<PurposeCategory[]>;
  createRequest(
    request: CreateAccessRequest,
    options: CreateAccessRequestOptions,
  ): Promise<AccessRequest>;
  listRequests(
    options?: ListAccessRequestsOptions,
  ): Promise<Page<AccessRequest>>;
  getRequest(id: string): Promise<AccessRequest>;
  getRequestHistory(id: string): Promise<AccessRequestEvent[]>;
  decideRequest(
    id: string,
    decision: DecideAccessRequest,
  ): Promise<AccessRequest>;
  cancelRequest(id: string, body?: EndAccessRequest): Promise<AccessRequest>;
  revokeRequest(id: string, body?: EndAccessRequest): Promise<AccessRequest>;
  /** The consumers of a data product (its granted requests). */
  listProductGrants(
    product: string | CompoundEntityRef,
  ): Promise<AccessGrant[]>;
}

/** @public */
export const dataAccessApiRef = createApiRef<DataAccessApi>({
  id: 'plugin.data-access.service',
});
