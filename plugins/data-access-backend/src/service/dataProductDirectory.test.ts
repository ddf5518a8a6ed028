import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import { createDataProductDirectory } from './dataProductDirectory';

const product: Entity = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'entity-ratings', namespace: 'default' },
  spec: {
    owner: 'group:default/brokerage-data-team',
    domain: 'domain:default/brokerage',
    outputPorts: [{ name: 'current-ratings', type: 'sql-view' }],
  },
};
const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'rent-roll', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/asset-data-team' },
};

const kwame = mockCredentials.user('user:default/kwame.mensah');

/** The directory over an in-memory catalog, with the policy's catalog read decision scripted. */
function directoryWith(decision: PolicyDecision) {
  let clock = 0;
  const catalog = catalogServiceMock({ entities: [product, component] });
  const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
  const asked: string[] = [];
  const directory = createDataProductDirectory({
    catalog,
    auth: mockServices.auth({ pluginId: 'data-access' }),
    permissions: {
      async authorizeConditional(requests) {
        asked.push(...requests.map(r => r.permission.name));
        return requests.map(() => decision);
      },
    },
    ttlMs: 10_000,
    now: () => clock,
  });
  const credentialsOfCatalogReads = () =>
    getEntityByRef.mock.calls.map(([, options]) => {
      const { credentials } = options as { credentials: BackstageCredentials };
      return (credentials.principal as { type: string }).type;
    });
  return {
    directory,
    asked,
    credentialsOfCatalogReads,
    setClock: (ms: number) => {
      clock = ms;
    },
  };
}

describe('createDataProductDirectory', () => {
  it('reads a product once per time to live with its own credentials when the user may read the whole catalog', async () => {
    const { directory, asked, credentialsOfCatalogReads, setClock } =
      directoryWith({ result: AuthorizeResult.ALLOW });

    const first = await directory.load(
      'dataproduct:default/entity-ratings',
      kwame,
    );
    await directory.load('DataProduct:default/Entity-Ratings', kwame);
    setClock(10_000);
    await directory.load('dataproduct:default/entity-ratings', kwame);

    expect(first.metadata.name).toBe('entity-ratings');
    expect(asked).toEqual([
      'catalog.entity.read',
      'catalog.entity.read',
      'catalog.entity.read',
    ]);
    expect(credentialsOfCatalogReads()).toEqual(['service', 'service']);
  });

  it('reads the catalog as the user when the policy is conditional, every time', async () => {
    const { directory, credentialsOfCatalogReads } = directoryWith({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: ['user:default/kwame.mensah'] },
      },
    });

    await directory.load('dataproduct:default/entity-ratings', kwame);
    await directory.load('dataproduct:default/entity-ratings', kwame);

    expect(credentialsOfCatalogReads()).toEqual(['user', 'user']);
  });

  it('finds nothing for a user the policy denies, without asking the catalog', async () => {
    const { directory, credentialsOfCatalogReads } = directoryWith({
      result: AuthorizeResult.DENY,
    });

    await expect(
      directory.load('dataproduct:default/entity-ratings', kwame),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        'No data product dataproduct:default/entity-ratings in the catalog',
    });
    expect(credentialsOfCatalogReads()).toEqual([]);
  });

  it('does not remember a product it did not find, nor take another kind for one', async () => {
    const { directory, credentialsOfCatalogReads } = directoryWith({
      result: AuthorizeResult.ALLOW,
    });

    for (const ref of [
      'dataproduct:default/unknown',
      'dataproduct:default/unknown',
      'component:default/rent-roll',
    ]) {
      await expect(directory.load(ref, kwame)).rejects.toMatchObject({
        name: 'NotFoundError',
      });
    }
    expect(credentialsOfCatalogReads()).toEqual([
      'service',
      'service',
      'service',
    ]);
  });

  it('answers services from the catalog with their own credentials, uncached', async () => {
    const { directory, asked, credentialsOfCatalogReads } = directoryWith({
      result: AuthorizeResult.ALLOW,
    });
    const service = mockCredentials.service('plugin:catalog');

    await directory.load('dataproduct:default/entity-ratings', service);
    await directory.load('dataproduct:default/entity-ratings', service);

    expect(asked).toEqual([]);
    expect(credentialsOfCatalogReads()).toEqual(['service', 'service']);
  });
});
