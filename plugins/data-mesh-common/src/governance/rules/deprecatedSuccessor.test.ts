import { checkRule, demoMeshEntities, find } from '../__testUtils__/demoMesh';

const RULE = { type: 'deprecated-successor' };

describe('deprecated-successor', () => {
  const mesh = demoMeshEntities();
  const deprecated = (successor?: string) => {
    const product = find(mesh, 'DataProduct', 'tenancy-analytics');
    product.spec!.lifecycle = 'deprecated';
    if (successor) {
      product.spec!.successor = successor;
    }
    return product;
  };

  it('passes a live demo product, which needs no successor', () => {
    const verdict = checkRule(
      RULE,
      find(mesh, 'DataProduct', 'tenancy-analytics'),
    );
    expect(verdict.status).toBe('passing');
  });

  it('fails a deprecated product that names no successor, saying what to add', () => {
    expect(checkRule(RULE, deprecated()).results).toEqual([
      {
        ruleId: 'test/rule',
        severity: 'error',
        passed: false,
        path: 'spec.successor',
        message:
          'Add spec.successor naming the product that replaces this deprecated one, e.g. dataproduct:default/<name>, so its consumers know where to move',
      },
    ]);
  });

  it('passes a deprecated product whose successor is a live product of the catalog', () => {
    expect(checkRule(RULE, deprecated('entity-ratings')).status).toBe(
      'passing',
    );
    expect(
      checkRule(RULE, deprecated('dataproduct:default/entity-ratings')).status,
    ).toBe('passing');
  });

  it('fails a successor that is not in the catalog, or is retired itself', () => {
    expect(checkRule(RULE, deprecated('lease-ledger')).results[0].message).toBe(
      'Fix spec.successor: lease-ledger is not a data product in the catalog; name the product that replaces this one',
    );
    const retired = find(mesh, 'DataProduct', 'entity-ratings');
    retired.spec!.lifecycle = 'retired';
    expect(
      checkRule(RULE, deprecated('entity-ratings'), retired).results[0].message,
    ).toBe(
      'Point spec.successor at a live product: the successor dataproduct:default/entity-ratings is retired itself',
    );
  });
});
