import { checkRule, demoMeshEntities, find } from '../__testUtils__/demoMesh';

const RULE = { type: 'upstream-not-retired' };

describe('upstream-not-retired', () => {
  const mesh = demoMeshEntities();
  const dashboard = () => find(mesh, 'DataProduct', 'credit-risk-dashboard');
  const ratingsIn = (lifecycle: string, successor?: string) => {
    const ratings = find(mesh, 'DataProduct', 'entity-ratings');
    ratings.spec!.lifecycle = lifecycle;
    if (successor) {
      ratings.spec!.successor = successor;
    }
    return ratings;
  };

  it('passes the dashboard, whose upstream products are live', () => {
    const verdict = checkRule(RULE, dashboard());
    expect(verdict.results).toEqual([
      expect.objectContaining({
        passed: true,
        message: 'Upstream data products exist and are not retired',
      }),
    ]);
  });

  it('fails an upstream that is retired, naming its successor', () => {
    const verdict = checkRule(
      RULE,
      dashboard(),
      ratingsIn('retired', 'dataproduct:default/tenancy-analytics'),
    );
    expect(verdict.status).toBe('failing');
    expect(verdict.results).toEqual([
      {
        ruleId: 'test/rule',
        severity: 'error',
        passed: false,
        path: 'spec.inputPorts[0].dataProduct',
        message:
          'Stop reading retired product dataproduct:default/entity-ratings in input port current-ratings: move to its successor dataproduct:default/tenancy-analytics',
      },
    ]);
  });

  it('warns about a deprecated upstream, or fails or ignores it as configured', () => {
    const deprecated = ratingsIn('deprecated');
    const warned = checkRule(RULE, dashboard(), deprecated);
    expect(warned.status).toBe('warning');
    expect(warned.results[0]).toMatchObject({
      severity: 'warning',
      passed: false,
      message:
        'Plan to stop reading deprecated product dataproduct:default/entity-ratings in input port current-ratings: move to the product that replaces it',
    });
    expect(
      checkRule(
        { ...RULE, params: { deprecated: 'error' } },
        dashboard(),
        deprecated,
      ).status,
    ).toBe('failing');
    expect(
      checkRule(
        { ...RULE, params: { deprecated: 'ignore' } },
        dashboard(),
        deprecated,
      ).status,
    ).toBe('passing');
  });

  it('a warning rule never reports more than a warning', () => {
    const verdict = checkRule(
      { ...RULE, severity: 'warning', params: { deprecated: 'error' } },
      dashboard(),
      ratingsIn('retired'),
    );
    expect(verdict.status).toBe('warning');
  });

  it('fails an upstream the catalog does not have', () => {
    const product = dashboard();
    (product.spec!.inputPorts as any[])[1].dataProduct =
      'dataproduct:default/vacancy-forecast';
    expect(checkRule(RULE, product).results).toEqual([
      expect.objectContaining({
        passed: false,
        path: 'spec.inputPorts[1].dataProduct',
        message:
          'Fix input port forecast: the upstream product dataproduct:default/vacancy-forecast is not in the catalog; name an existing data product',
      }),
    ]);
  });
});
