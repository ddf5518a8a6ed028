import {
  checkRule,
  demoMeshEntities,
  DEMO_DESCRIPTORS,
  find,
} from '../__testUtils__/demoMesh';

const KEBAB = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';

describe('naming-pattern', () => {
  const mesh = demoMeshEntities();
  const products = mesh.filter(e => e.kind === 'DataProduct');

  it('passes every demo product name', () => {
    expect(products).toHaveLength(5);
    expect(DEMO_DESCRIPTORS).toHaveLength(9);
    for (const product of products) {
      const verdict = checkRule(
        { type: 'naming-pattern', params: { pattern: KEBAB } },
        product,
      );
      expect(verdict.status).toBe('passing');
      expect(verdict.results[0].message).toBe(
        `metadata.name matches /${KEBAB}/`,
      );
    }
  });

  it('fails a name that breaks the pattern, saying what to rename and where', () => {
    const product = find(mesh, 'DataProduct', 'tenancy-analytics');
    product.metadata.name = 'Tenancy_Analytics';
    const verdict = checkRule(
      {
        type: 'naming-pattern',
        params: { pattern: KEBAB, hint: 'lowercase words joined by dashes' },
      },
      product,
    );
    expect(verdict.results).toEqual([
      {
        ruleId: 'test/rule',
        severity: 'error',
        passed: false,
        path: 'metadata.name',
        message:
          'Rename metadata.name "Tenancy_Analytics" to match lowercase words joined by dashes (in the ODPS descriptor: id)',
      },
    ]);
  });

  it('checks each output port name with spec.outputPorts[].name', () => {
    const product = find(mesh, 'DataProduct', 'entity-ratings');
    (product.spec!.outputPorts as any[])[1].name = 'Rating History';
    const verdict = checkRule(
      {
        type: 'naming-pattern',
        severity: 'warning',
        params: { field: 'spec.outputPorts[].name', pattern: KEBAB },
      },
      product,
    );
    expect(verdict.status).toBe('warning');
    expect(verdict.results).toEqual([
      expect.objectContaining({
        passed: false,
        severity: 'warning',
        path: 'spec.outputPorts[1].name',
        message: `Rename spec.outputPorts[1].name "Rating History" to match the pattern /${KEBAB}/`,
      }),
    ]);
  });

  it('a domain prefix convention: products of Brokerage start with brk-', () => {
    const verdict = checkRule(
      {
        type: 'naming-pattern',
        params: { pattern: '^brk-' },
        appliesTo: {
          kind: 'DataProduct',
          selector: { 'spec.domain': 'brokerage' },
        },
      },
      find(mesh, 'DataProduct', 'entity-ratings'),
    );
    expect(verdict.status).toBe('failing');
  });
});
