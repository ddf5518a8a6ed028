import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { GovernanceStore } from '../../database';
import { withEtag } from '../../catalog/__testUtils__/withEtag';
import { GovernanceEvaluator } from '../GovernanceEvaluator';
import { MeshPolicies } from '../MeshPolicies';

/**
 * A small mesh for the evaluator: in brokerage, tenancy-analytics passes and entity-ratings
 * names an owner group that does not exist (failing); in capital markets,
 * rental-income-forecast has no support channel (warning).
 */
export const POLICIES: JsonObject[] = [
  { id: 'mesh/owner-group', type: 'owner-group-exists', severity: 'error' },
  {
    id: 'mesh/output-port-contract',
    type: 'output-port-contract',
    severity: 'error',
  },
  {
    id: 'mesh/support-channel',
    type: 'required-fields',
    severity: 'warning',
    params: { fields: ['spec.support'] },
  },
];

const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});

export const domain = (name: string, policies?: JsonObject[]): Entity => ({
  apiVersion: 'datamesh/v1alpha1',
  kind: 'Domain',
  metadata: { name, namespace: 'default' },
  spec: {
    owner: `group:default/${name}-data-team`,
    ...(policies ? { policies } : {}),
  },
});

export const contract = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'data-contract',
    lifecycle: 'production',
    owner: 'group:default/brokerage-data-team',
    definition: 'see the descriptor',
    dataContract: { standard: 'odcs', objects: [{ name: 'leases' }] },
  },
});

export function product(
  name: string,
  spec: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'datamesh/v1alpha1',
    kind: 'DataProduct',
    metadata: { name, namespace: 'default' },
    spec: {
      domain: 'brokerage',
      owner: 'group:default/brokerage-data-team',
      lifecycle: 'production',
      outputPorts: [
        { name: 'view', type: 'sql-view', contract: `api:default/${name}` },
      ],
      support: [{ channel: '#help', url: 'https://chat.example.com/help' }],
      ...spec,
    },
  };
}

export function smallMesh(): Entity[] {
  return [
    group('brokerage-data-team'),
    group('capital-markets-data-team'),
    domain('brokerage'),
    domain('capital-markets'),
    contract('tenancy-analytics'),
    contract('entity-ratings'),
    contract('rental-income-forecast'),
    product('tenancy-analytics'),
    product('entity-ratings', { owner: 'group:default/ghost-team' }),
    product('rental-income-forecast', {
      domain: 'capital-markets',
      owner: 'group:default/capital-markets-data-team',
      support: undefined,
    }),
  ];
}

/** A catalog whose entities a test replaces between runs; refreshEntity is recorded. */
export function changingCatalog(entities: Entity[]) {
  let current = catalogServiceMock({ entities: entities.map(withEtag) });
  const refreshEntity = jest.fn(async (_ref: string) => {});
  const catalog = {
    queryEntities: (...args: Parameters<CatalogService['queryEntities']>) =>
      current.queryEntities(...args),
    getEntitiesByRefs: (
      ...args: Parameters<CatalogService['getEntitiesByRefs']>
    ) => current.getEntitiesByRefs(...args),
    refreshEntity,
  } as unknown as CatalogService;
  return {
    catalog,
    refreshEntity,
    setEntities(next: Entity[]) {
      current = catalogServiceMock({ entities: next.map(withEtag) });
    },
  };
}

export function createEvaluator(options: {
  catalog: CatalogService;
  store: GovernanceStore;
  policies?: JsonObject[];
  now?: () => Date;
}) {
  const logger = mockServices.logger.mock();
  const config = mockServices.rootConfig({
    data: {
      datamesh: { governance: { policies: options.policies ?? POLICIES } },
    },
  });
  return {
    logger,
    evaluator: new GovernanceEvaluator({
      catalog: options.catalog,
      auth: mockServices.auth(),
      store: options.store,
      policies: MeshPolicies.fromConfig(config, logger),
      logger,
      now: options.now,
    }),
  };
}
