import { checkRule, demoMeshEntities, find } from '../__testUtils__/demoMesh';

const MESH_FIELDS = {
  type: 'required-fields',
  params: {
    fields: [
      'spec.owner',
      'spec.domain',
      'spec.description.purpose',
      'spec.classification',
      'spec.sla',
    ],
  },
};

describe('required-fields', () => {
  const mesh = demoMeshEntities();

  it('passes a demo product that sets owner, domain, purpose, classification and SLA', () => {
    const verdict = checkRule(
      MESH_FIELDS,
      find(mesh, 'DataProduct', 'tenancy-analytics'),
    );
    expect(verdict).toEqual({
      entityRef: 'dataproduct:default/tenancy-analytics',
      status: 'passing',
      results: [
        {
          ruleId: 'test/rule',
          severity: 'error',
          passed: true,
          message:
            'Sets spec.owner, spec.domain, spec.description.purpose, spec.classification, spec.sla',
        },
      ],
    });
  });

  it('fails the DPDS demo product, which states no classification and no SLA, field by field', () => {
    const verdict = checkRule(
      MESH_FIELDS,
      find(mesh, 'DataProduct', 'property-portfolio'),
    );
    expect(verdict.status).toBe('failing');
    expect(verdict.results).toEqual([
      {
        ruleId: 'test/rule',
        severity: 'error',
        passed: false,
        path: 'spec.classification',
        message:
          'Set spec.classification to its classification: public, internal, confidential or restricted',
      },
      {
        ruleId: 'test/rule',
        severity: 'error',
        passed: false,
        path: 'spec.sla',
        message:
          'Set spec.sla to its service levels, at least how often it is updated',
      },
    ]);
  });

  it('names the field of the ODPS descriptor to change, and treats the converter\'s "unknown" owner as missing', () => {
    const product = find(mesh, 'DataProduct', 'entity-ratings');
    delete product.spec!.description;
    product.spec!.owner = 'unknown';
    const verdict = checkRule(MESH_FIELDS, product);
    expect(verdict.results.map(r => [r.path, r.message])).toEqual([
      [
        'spec.owner',
        'Set spec.owner to the group that owns the product, e.g. group:default/brokerage-data-team (in the ODPS descriptor: the owner custom property (customProperties))',
      ],
      [
        'spec.description.purpose',
        'Set spec.description.purpose to what the product is for and who it serves, in a sentence or two (in the ODPS descriptor: description.purpose)',
      ],
    ]);
  });

  it('checks each item of a list with [] and treats blank text as missing', () => {
    const product = find(mesh, 'DataProduct', 'tenancy-analytics');
    (product.spec!.outputPorts as any[])[1].address = '  ';
    const verdict = checkRule(
      {
        type: 'required-fields',
        params: { fields: ['spec.outputPorts[].address'] },
      },
      product,
    );
    expect(verdict.results).toEqual([
      expect.objectContaining({
        passed: false,
        path: 'spec.outputPorts[1].address',
        message: 'Set spec.outputPorts[1].address to a value',
      }),
    ]);
  });

  it('reads annotation keys that contain dots', () => {
    const product = find(mesh, 'DataProduct', 'tenancy-analytics');
    const field = 'metadata.annotations.backstage.io/techdocs-ref';
    const missing = checkRule(
      { type: 'required-fields', params: { fields: [field] } },
      product,
    );
    expect(missing.results[0]).toMatchObject({ passed: false, path: field });
    product.metadata.annotations!['backstage.io/techdocs-ref'] = 'dir:.';
    const present = checkRule(
      { type: 'required-fields', params: { fields: [field] } },
      product,
    );
    expect(present.status).toBe('passing');
  });
});
