import * as api from './index';
import alphaPlugin from './alpha';
import { isDataProductKind, isDomainKind } from './lib/kinds';

describe('data-marketplace plugin', () => {
  it('exports the plugin, its page, its cards and the api-docs widget', () => {
    expect(api.dataMarketplacePlugin.getId()).toBe('data-marketplace');
    expect(api.dataMarketplacePlugin.routes.root).toBe(
      api.dataMarketplaceRouteRef,
    );
    for (const extension of [
      api.MarketplacePage,
      api.EntityDataProductOverviewCard,
      api.EntityOutputPortsCard,
      api.EntityContractSchemaCard,
      api.EntitySlaQualityCard,
      api.EntityLineageCard,
      api.EntityDomainDataProductsCard,
      api.DataContractDefinition,
    ]) {
      expect(extension).toBeDefined();
    }
    expect(api.dataContractApiWidget.type).toBe('data-contract');
  });

  it('exports the mesh pages with their routes, the governance card and the backend client', () => {
    expect(api.dataMarketplacePlugin.routes).toEqual({
      root: api.dataMarketplaceRouteRef,
      governance: api.governanceRouteRef,
      meshMetrics: api.meshMetricsRouteRef,
    });
    expect(api.GovernancePage).toBeDefined();
    expect(api.MeshMetricsPage).toBeDefined();
    expect(api.EntityGovernanceCard).toBeDefined();
    expect(api.dataMarketplaceApiRef.id).toBe(
      'plugin.data-marketplace.service',
    );
    const factories = [...api.dataMarketplacePlugin.getApis()];
    expect(factories.map(factory => factory.api)).toEqual([
      api.dataMarketplaceApiRef,
    ]);
    expect(
      factories[0].factory({
        discoveryApi: { getBaseUrl: async () => '' },
        fetchApi: { fetch: async () => new Response() },
      }),
    ).toBeInstanceOf(api.DataMarketplaceClient);
  });

  it('offers the same plugin to the new frontend system', () => {
    expect(alphaPlugin.id).toBe('data-marketplace');
    expect(Object.keys(alphaPlugin.routes).sort()).toEqual([
      'governance',
      'meshMetrics',
      'root',
    ]);
  });

  it('tells DataProduct and Domain entities apart for the EntitySwitch', () => {
    const entity = (kind: string) => ({
      apiVersion: 'datamesh/v1alpha1',
      kind,
      metadata: { name: 'x' },
    });
    expect(isDataProductKind(entity('DataProduct'))).toBe(true);
    expect(isDataProductKind(entity('Component'))).toBe(false);
    expect(isDomainKind(entity('Domain'))).toBe(true);
    expect(
      isDomainKind({
        ...entity('Domain'),
        apiVersion: 'backstage.io/v1alpha1',
      }),
    ).toBe(true);
  });
});
