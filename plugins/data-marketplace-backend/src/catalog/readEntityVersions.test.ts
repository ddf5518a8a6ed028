import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogServiceRef,
  type CatalogService,
} from '@backstage/plugin-catalog-node';
import catalogModuleDataMesh from '@datamesh/plugin-catalog-backend-module-data-mesh';
import { demoCatalogConfig } from '../service/__testUtils__/startMarketplaceBackend';
import { readEntityVersions } from './readEntityVersions';

jest.setTimeout(60_000);

/**
 * The real catalog on the demo mesh (five data products), and the catalog service a plugin
 * is given.
 */
async function startCatalog() {
  let catalog: CatalogService | undefined;
  const probe = createBackendPlugin({
    pluginId: 'probe',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogServiceRef },
        async init(deps) {
          catalog = deps.catalog;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleDataMesh,
      probe,
      mockServices.rootConfig.factory({
        data: { catalog: demoCatalogConfig() },
      }),
    ],
  });
  return { catalog: catalog!, stop: () => backend.stop() };
}

describe('readEntityVersions', () => {
  it('follows the catalog’s cursor over every page, and reads each entity once', async () => {
    const { catalog, stop } = await startCatalog();
    try {
      const credentials = mockCredentials.service();
      const filter = { kind: 'DataProduct' };
      const read = (pageSize?: number) =>
        readEntityVersions(catalog, credentials, filter, undefined, pageSize);
      // The catalog takes the demo's products in over its first processing runs.
      const deadline = Date.now() + 30_000;
      while ((await read())!.size < 5 && Date.now() < deadline) {
        await new Promise(r => setTimeout(r, 200));
      }
      const whole = await read();
      expect([...whole!.keys()].sort()).toEqual([
        'dataproduct:default/credit-risk-dashboard',
        'dataproduct:default/entity-ratings',
        'dataproduct:default/property-portfolio',
        'dataproduct:default/rental-income-forecast',
        'dataproduct:default/tenancy-analytics',
      ]);
      expect([...whole!.values()].every(etag => etag.length > 0)).toBe(true);
      // Three pages of two: the same versions, none twice.
      expect(await read(2)).toEqual(whole);

      const aborted = new AbortController();
      aborted.abort();
      expect(
        await readEntityVersions(
          catalog,
          credentials,
          filter,
          aborted.signal,
          2,
        ),
      ).toBeUndefined();
    } finally {
      await stop();
    }
  });
});
