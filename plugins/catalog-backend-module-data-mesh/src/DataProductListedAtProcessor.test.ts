import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorCache } from '@backstage/plugin-catalog-node';
import { DataProductListedAtProcessor } from './DataProductListedAtProcessor';

const product: Entity = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'entity-ratings', annotations: { keep: 'me' } },
  spec: { domain: 'brokerage', owner: 'brokerage-data-team', lifecycle: 'x' },
};
const location = { type: 'file', target: '/demo/entity-ratings.odps.yaml' };

function memoryCache(): CatalogProcessorCache {
  const values = new Map<string, any>();
  return {
    get: async key => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
  };
}

describe('DataProductListedAtProcessor', () => {
  it('keeps the time a product was first listed across later processings', async () => {
    let clock = new Date('2026-11-01T09:00:00.000Z');
    const processor = new DataProductListedAtProcessor(() => clock);
    const cache = memoryCache();
    const first = await processor.postProcessEntity(
      product,
      location,
      () => {},
      cache,
    );
    clock = new Date('2026-11-02T09:00:00.000Z');
    const later = await processor.postProcessEntity(
      product,
      location,
      () => {},
      cache,
    );
    expect(first.metadata.annotations).toEqual({
      keep: 'me',
      'datamesh/listed-at': '2026-11-01T09:00:00.000Z',
    });
    expect(later.metadata.annotations?.['datamesh/listed-at']).toBe(
      '2026-11-01T09:00:00.000Z',
    );
  });

  it('leaves other kinds as they are', async () => {
    const component = { ...product, kind: 'Component' };
    const processed =
      await new DataProductListedAtProcessor().postProcessEntity(
        component,
        location,
        () => {},
        memoryCache(),
      );
    expect(processed).toBe(component);
  });
});
