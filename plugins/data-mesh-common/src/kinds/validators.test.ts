import { Entity } from '@backstage/catalog-model';
import {
  dataMeshDomainEntityV1alpha1Validator,
  dataProductEntityV1alpha1Validator,
  isDataMeshDomainEntity,
  isDataProductEntity,
} from './validators';

const product: Entity = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'tenancy-analytics' },
  spec: {
    domain: 'domain:default/brokerage',
    owner: 'group:default/brokerage-data-team',
    lifecycle: 'production',
    type: 'source-aligned',
    classification: 'confidential',
    outputPorts: [{ name: 'leases', type: 'sql-view', address: 'db.leases' }],
    inputPorts: [{ name: 'erp', source: 'ERP' }],
  },
};

describe('the DataProduct kind', () => {
  it('accepts a valid product and recognises it', async () => {
    await expect(
      dataProductEntityV1alpha1Validator.check(product),
    ).resolves.toBe(true);
    expect(isDataProductEntity(product)).toBe(true);
  });

  it('says false for other kinds and apiVersions', async () => {
    await expect(
      dataProductEntityV1alpha1Validator.check({
        ...product,
        apiVersion: 'v1.0.0',
      }),
    ).resolves.toBe(false);
    expect(isDataProductEntity({ ...product, kind: 'Component' })).toBe(false);
  });

  it.each([
    ['spec.owner missing', { owner: undefined }, /owner/],
    [
      'an unknown classification',
      { classification: 'secret' },
      /classification/,
    ],
    ['an unknown product type', { type: 'derived' }, /type/],
    [
      'a port without a type',
      { outputPorts: [{ name: 'x' }] },
      /outputPorts\/0.*type|type/,
    ],
  ])('refuses %s, naming the field', async (_case, change, message) => {
    const invalid = { ...product, spec: { ...product.spec, ...change } };
    await expect(
      dataProductEntityV1alpha1Validator.check(invalid),
    ).rejects.toThrow(message);
  });
});

describe('the data-mesh Domain', () => {
  const domain: Entity = {
    apiVersion: 'datamesh/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'brokerage' },
    spec: {
      owner: 'group:default/brokerage-data-team',
      dataOwner: 'user:default/marie.dubois',
      scope: 'shared',
      policies: [{ id: 'naming', pattern: '^brk-' }],
    },
  };

  it('accepts the built-in fields plus the data-mesh ones', async () => {
    await expect(
      dataMeshDomainEntityV1alpha1Validator.check(domain),
    ).resolves.toBe(true);
    expect(isDataMeshDomainEntity(domain)).toBe(true);
  });

  it('refuses an unknown scope', async () => {
    await expect(
      dataMeshDomainEntityV1alpha1Validator.check({
        ...domain,
        spec: { ...domain.spec, scope: 'public' },
      }),
    ).rejects.toThrow(/scope/);
  });

  it('leaves the built-in Domain to the built-in validator', async () => {
    await expect(
      dataMeshDomainEntityV1alpha1Validator.check({
        ...domain,
        apiVersion: 'backstage.io/v1alpha1',
      }),
    ).resolves.toBe(false);
  });
});
