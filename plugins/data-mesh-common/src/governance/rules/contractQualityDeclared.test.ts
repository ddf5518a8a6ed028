import {
  checkRule,
  demoMeshEntities,
  editedContract,
  find,
} from '../__testUtils__/demoMesh';

const RULE = { type: 'contract-quality-declared' };

describe('contract-quality-declared', () => {
  const mesh = demoMeshEntities();

  it('passes demo products whose ODCS or DCS contracts declare quality rules', () => {
    for (const name of [
      'tenancy-analytics',
      'entity-ratings',
      'rental-income-forecast',
    ]) {
      expect(checkRule(RULE, find(mesh, 'DataProduct', name)).results).toEqual([
        expect.objectContaining({
          passed: true,
          message: 'The contracts declare their quality rules',
        }),
      ]);
    }
  });

  it('fails the dashboard, whose exposure contract declares none', () => {
    const verdict = checkRule(
      RULE,
      find(mesh, 'DataProduct', 'credit-risk-dashboard'),
    );
    expect(verdict.results).toEqual([
      {
        ruleId: 'test/rule',
        severity: 'error',
        passed: false,
        path: 'spec.outputPorts[0].contract',
        message:
          'Declare quality rules in contract api:default/credit-risk-exposure-contract (a quality list on its schema objects or columns: completeness, uniqueness, valid values) so consumers know what is guaranteed',
      },
    ]);
  });

  it('with scope every-object, names the tables without a quality rule', () => {
    const verdict = checkRule(
      { ...RULE, params: { scope: 'every-object' } },
      find(mesh, 'DataProduct', 'entity-ratings'),
    );
    expect(verdict.results[0]).toMatchObject({
      passed: false,
      message:
        'Declare quality rules in contract api:default/entity-ratings-contract for current_ratings: every table, view or topic needs at least one',
    });
  });

  it('fails once the quality rules are removed from a demo contract', () => {
    const contract = editedContract(
      'brokerage/entity-ratings.odcs.yaml',
      odcs => {
        delete odcs.schema[1].quality;
      },
    );
    const verdict = checkRule(
      RULE,
      find(mesh, 'DataProduct', 'entity-ratings'),
      contract,
    );
    expect(verdict.status).toBe('failing');
  });

  it('fails a contract the catalog does not have', () => {
    const product = find(mesh, 'DataProduct', 'entity-ratings');
    (product.spec!.outputPorts as any[]).forEach(port => {
      port.contract = 'api:default/missing-contract';
    });
    expect(checkRule(RULE, product).results).toEqual([
      expect.objectContaining({
        passed: false,
        message:
          'Register contract api:default/missing-contract in the catalog as a readable ODCS or DCS contract, so its quality rules can be checked',
      }),
    ]);
  });
});
