import {
  parseEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  AccessGrant,
  AccessRequest,
  AccessRequestEvent,
  CreateAccessRequest,
  DecideAccessRequest,
  EndAccessRequest,
  Page,
} from '@datamesh/plugin-data-access-common';
import type { DataAccessApi } from './DataAccessApi';
import type {
  CreateAccessRequestOptions,
  ListAccessRequestsOptions,
  PurposeCategory,
} from './types';

/**
 * Talks to the data-access backend at `discoveryApi.getBaseUrl('data-access')`.
 *
 * @public
 */
export class DataAccessClient implements DataAccessApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listPurposeCategories(): Promise<PurposeCategory[]> {
    const body = await this.call<{ items: PurposeCategory[] }>('/purposes');
    return body.items;
  }

  async createRequest(
    request: CreateAccessRequest,
    options: CreateAccessRequestOptions,
  ): Promise<AccessRequest> {
    return this.call('/requests', {
      method: 'POST',
      body: request,
      headers: { 'Idempotency-Key': options.idempotencyKey },
    });
  }

  async listRequests(
    options: ListAccessRequestsOptions = {},
  ): Promise<Page<AccessRequest>> {
    const query = new URLSearchParams();
    if (options.view) {
      query.set('view', options.view);
    }
    if (options.dataProduct) {
      query.set('dataProduct', options.dataProduct);
    }
    if (options.state !== undefined) {
      query.set('state', [options.state].flat().join(','));
    }
    if (options.cursor) {
      query.set('cursor', options.cursor);
    }
    if (options.limit !== undefined) {
      query.set('limit', String(options.limit));
    }
    const search = query.toString();
    return this.call(`/requests${search ? `?${search}` : ''}`);
  }

  async getRequest(id: string): Promise<AccessRequest> {
    return this.call(`/requests/${encodeURIComponent(id)}`);
  }

  async getRequestHistory(id: string): Promise<AccessRequestEvent[]> {
    const body = await this.call<{ items: AccessRequestEvent[] }>(
      `/requests/${encodeURIComponent(id)}/history`,
    );
    return body.items;
  }

  async decideRequest(
    id: string,
    decision: DecideAccessRequest,
  ): Promise<AccessRequest> {
    return this.call(`/requests/${encodeURIComponent(id)}/decision`, {
      method: 'POST',
      body: decision,
    });
  }

  async cancelRequest(
    id: string,
    body: EndAccessRequest = {},
  ): Promise<AccessRequest> {
    return this.call(`/requests/${encodeURIComponent(id)}/cancel`, {
      method: 'POST',
      body,
    });
  }

  async revokeRequest(
    id: string,
    body: EndAccessRequest = {},
  ): Promise<AccessRequest> {
    return this.call(`/requests/${encodeURIComponent(id)}/revoke`, {
      method: 'POST',
      body,
    });
  }

  async listProductGrants(
    product: string | CompoundEntityRef,
  ): Promise<AccessGrant[]> {
    const { kind, namespace, name } =
      typeof product === 'string' ? parseEntityRef(product) : product;
    // The backend compares refs in lower case; the path mirrors the catalog's own URLs.
    const path = [kind.toLocaleLowerCase('en-US'), namespace, name]
      .map(encodeURIComponent)
      .join('/');
    const body = await this.call<{ items: AccessGrant[] }>(
      `/products/${path}/grants`,
    );
    return body.items;
  }

  private async call<T>(
    path: string,
    init: {
      method?: 'GET' | 'POST';
      body?: unknown;
      headers?: Record<string, string>;
    } = {},
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('data-access');
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
