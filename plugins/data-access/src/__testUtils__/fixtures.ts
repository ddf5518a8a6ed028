import type { Entity } from '@backstage/catalog-model';
import type {
  AccessGrant,
  AccessRequest,
  AccessRequestEvent,
} from '@datamesh/plugin-data-access-common';

/** Tenancy analytics of the Premium Offices demo, as the catalog serves it. */
export const tenancyAnalytics: Entity = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'tenancy-analytics',
    namespace: 'default',
    title: 'Tenancy analytics',
  },
  spec: {
    domain: 'domain:default/brokerage',
    owner: 'group:default/brokerage',
    lifecycle: 'production',
    outputPorts: [
      {
        name: 'leases-view',
        type: 'sql-view',
        address: 'analytics.tenancy.leases',
        description: 'One row per lease, current and past',
      },
      {
        name: 'tenants-view',
        type: 'sql-view',
        address: 'analytics.tenancy.tenants',
      },
    ],
  },
};

export const onePortProduct: Entity = {
  ...tenancyAnalytics,
  metadata: { name: 'entity-ratings', namespace: 'default' },
  spec: {
    ...tenancyAnalytics.spec,
    outputPorts: [{ name: 'ratings-table', type: 'table' }],
  },
};

let counter = 0;

/** A request id no other test uses: permission answers are cached per resource ref. */
export function uniqueId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

export function makeRequest(
  overrides: Partial<AccessRequest> = {},
): AccessRequest {
  return {
    id: uniqueId(),
    requester: 'user:default/ana',
    dataProduct: 'dataproduct:default/tenancy-analytics',
    outputPort: 'leases-view',
    consumer: 'component:default/credit-risk-dashboard',
    purpose: {
      category: 'analytics',
      text: 'Credit risk dashboard for the capital markets desk',
    },
    productOwners: ['group:default/brokerage'],
    state: 'submitted',
    version: 1,
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

export function makeEvent(
  request: AccessRequest,
  overrides: Partial<AccessRequestEvent>,
): AccessRequestEvent {
  return {
    requestId: request.id,
    from: null,
    to: 'submitted',
    actor: request.requester,
    at: request.createdAt,
    ...overrides,
  };
}

export function makeGrant(overrides: Partial<AccessGrant> = {}): AccessGrant {
  return {
    requestId: uniqueId(),
    dataProduct: 'dataproduct:default/tenancy-analytics',
    outputPort: 'leases-view',
    consumer: 'component:default/credit-risk-dashboard',
    requester: 'user:default/ana',
    grantedAt: '2026-01-07T09:30:00.000Z',
    ...overrides,
  };
}

/** Hostile text a descriptor or a delivery system could send; it must show as text. */
// eslint-disable-next-line no-script-url
export const SCRIPT_URL = 'javascript:alert(document.cookie)';
