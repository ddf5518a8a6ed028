import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { DataMeshEntitiesProcessor } from './DataMeshEntitiesProcessor';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

const product: Entity = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'entity-ratings', namespace: 'default' },
  spec: {
    domain: 'brokerage',
    owner: 'brokerage-data-team',
    lifecycle: 'production',
    outputPorts: [
      {
        name: 'current',
        type: 'sql-view',
        contract: 'entity-ratings-contract',
      },
    ],
    inputPorts: [
      { name: 'tenants', dataProduct: 'tenancy-analytics' },
      { name: 'provider', source: 'rating provider feed' },
    ],
  },
};

async function relationsOf(entity: Entity): Promise<string[]> {
  const results: CatalogProcessorResult[] = [];
  await new DataMeshEntitiesProcessor().postProcessEntity(entity, location, r =>
    results.push(r),
  );
  return results.map(r => {
    if (r.type !== 'relation') {
      throw new Error(`unexpected ${r.type}`);
    }
    const { source, type, target } = r.relation;
    return `${source.kind}:${source.name} ${type} ${target.kind}:${target.name}`;
  });
}

describe('DataMeshEntitiesProcessor', () => {
  const processor = new DataMeshEntitiesProcessor();

  it('accepts valid DataProducts and data-mesh Domains, and leaves other kinds alone', async () => {
    expect(await processor.validateEntityKind(product)).toBe(true);
    expect(
      await processor.validateEntityKind({
        apiVersion: 'datamesh/v1alpha1',
        kind: 'Domain',
        metadata: { name: 'brokerage' },
        spec: { owner: 'brokerage-data-team', scope: 'shared' },
      }),
    ).toBe(true);
    expect(
      await processor.validateEntityKind({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Domain',
        metadata: { name: 'brokerage' },
        spec: { owner: 'brokerage-data-team' },
      }),
    ).toBe(false);
  });

  it('names the field of an invalid DataProduct', async () => {
    const invalid = {
      ...product,
      spec: { ...product.spec, classification: 'top-secret' },
    };
    await expect(processor.validateEntityKind(invalid)).rejects.toThrow(
      /classification/,
    );
    const noOwner = {
      ...product,
      spec: { domain: 'brokerage', lifecycle: 'production' },
    };
    await expect(processor.validateEntityKind(noOwner)).rejects.toThrow(
      /owner/,
    );
  });

  it('emits every relation with its inverse', async () => {
    expect(await relationsOf(product)).toEqual([
      'DataProduct:entity-ratings ownedBy Group:brokerage-data-team',
      'Group:brokerage-data-team ownerOf DataProduct:entity-ratings',
      'DataProduct:entity-ratings partOf Domain:brokerage',
      'Domain:brokerage hasPart DataProduct:entity-ratings',
      'DataProduct:entity-ratings dependsOn DataProduct:tenancy-analytics',
      'DataProduct:tenancy-analytics dependencyOf DataProduct:entity-ratings',
      'DataProduct:entity-ratings providesApi API:entity-ratings-contract',
      'API:entity-ratings-contract apiProvidedBy DataProduct:entity-ratings',
    ]);
  });

  it('emits nothing for other kinds', async () => {
    expect(
      await relationsOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
        spec: { owner: 'a' },
      }),
    ).toEqual([]);
  });
});
