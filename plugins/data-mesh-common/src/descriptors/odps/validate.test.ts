import { detectDescriptor } from '../formats';
import { readDescriptor } from '../readDescriptor';
import { odpsFormat } from '.';

const minimal = {
  apiVersion: 'v1.0.0',
  kind: 'DataProduct',
  id: 'entity-ratings',
  status: 'active',
  outputPorts: [{ name: 'ratings', version: '1.0.0', type: 'table' }],
};

describe('ODPS detection', () => {
  it('recognises ODPS by kind DataProduct and a semantic apiVersion', () => {
    expect(odpsFormat.detect(minimal)).toEqual({
      standard: 'odps',
      declaredVersion: 'v1.0.0',
    });
    expect(odpsFormat.detect({ ...minimal, apiVersion: 'v0.9.0' })).toEqual({
      standard: 'odps',
      declaredVersion: 'v0.9.0',
    });
    expect(detectDescriptor(minimal)?.format.standard).toBe('odps');
  });

  it("does not take the suite's own DataProduct kind for ODPS", () => {
    const entity = {
      apiVersion: 'datamesh/v1alpha1',
      kind: 'DataProduct',
      metadata: { name: 'entity-ratings' },
      spec: {
        domain: 'brokerage',
        owner: 'brokerage',
        lifecycle: 'production',
      },
    };
    expect(odpsFormat.detect(entity)).toBeUndefined();
    expect(
      odpsFormat.detect({ ...entity, apiVersion: 'v1alpha1' }),
    ).toBeUndefined();
  });

  it.each([
    [
      'an ODCS contract',
      { apiVersion: 'v3.0.2', kind: 'DataContract', id: 'x' },
    ],
    ['a DCS contract', { dataContractSpecification: '1.1.0', id: 'x' }],
    ['a DPDS descriptor', { dataProductDescriptor: '1.0.0', info: {} }],
    ['null', null],
    ['a string', 'kind: DataProduct'],
    ['a list', [minimal]],
    ['a number', 42],
  ])('does not detect %s', (_label, document) => {
    expect(odpsFormat.detect(document)).toBeUndefined();
  });
});

describe('ODPS validation of bad input', () => {
  it('refuses an unknown major version, saying which it reads', () => {
    const result = odpsFormat.validate({ ...minimal, apiVersion: 'v2.0.0' });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: 'apiVersion',
        message:
          'version v2.0.0 is not supported: the suite reads major versions 0, 1 (0.9.0, 1.0.0)',
      },
    ]);
  });

  it('reads a newer minor version by the 1.0.0 rules, keeping unknown fields, with a warning', () => {
    const result = odpsFormat.validate({
      ...minimal,
      apiVersion: 'v1.1.0',
      sustainability: { co2: 'low' },
    });
    expect(result).toMatchObject({ valid: true, validatedAs: '1.0.0' });
    expect(result.warnings[0].message).toContain('newer than the suite knows');
  });

  it('reports a wrong type with its path and what was expected', () => {
    const result = odpsFormat.validate({
      ...minimal,
      outputPorts: [{ name: 5, version: '1.0.0' }],
    });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: 'outputPorts[0].name',
        message: 'expected a string, got the number 5',
      },
    ]);
  });

  it('reports missing fields, unknown fields and bad values in words', () => {
    const result = odpsFormat.validate({
      apiVersion: 'v1.0.0',
      kind: 'DataProduct',
      id: '',
      owner: 'brokerage',
      support: [{ channel: 'slack', url: 'not a link' }],
      team: { members: [{ name: 'Jane', dateIn: '2024-02-30' }] },
    });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: 'id', message: 'expected a non-empty string' },
        { path: 'status', message: 'required: expected a string' },
        {
          path: 'owner',
          message: 'unknown field: ODPS 1.0.0 does not define "owner" here',
        },
        {
          path: 'support[0].url',
          message:
            'expected a URI with a scheme, such as https://… or mailto:…',
        },
        {
          path: 'team.members[0].username',
          message: 'required: expected a string',
        },
        {
          path: 'team.members[0].dateIn',
          message: 'expected a date written as YYYY-MM-DD',
        },
      ]),
    );
  });

  it('says the v0.9.0 rules and the v1.0.0 rules both fail when neither fits', () => {
    const result = odpsFormat.validate({
      ...minimal,
      apiVersion: 'v0.9.0',
      team: { name: 'Ratings team' },
      inputPorts: [{ name: 'feed', version: '1.0.0' }],
    });
    expect(result.valid).toBe(false);
    expect(result.validatedAs).toBe('0.9.0');
    expect(result.errors).toEqual([
      {
        path: 'inputPorts[0].contractId',
        message: 'required: expected a string',
      },
      { path: 'team', message: 'expected a list, got an object' },
    ]);
  });

  it.each([
    ['null', null, 'got null'],
    ['a string', 'apiVersion: v1.0.0', 'got "apiVersion: v1.0.0"'],
    ['a list', [minimal], 'got a list'],
    ['a number', 3, 'got the number 3'],
  ])('refuses %s without throwing', (_label, document, got) => {
    const result = odpsFormat.validate(document);
    expect(result.valid).toBe(false);
    expect(result.errors[0].path).toBe('');
    expect(result.errors[0].message).toContain(got);
  });

  it('refuses a document without apiVersion, or with one of the wrong type', () => {
    const { apiVersion: _, ...withoutVersion } = minimal;
    expect(odpsFormat.validate(withoutVersion).errors).toEqual([
      {
        path: 'apiVersion',
        message: 'required: expected a version such as v1.0.0',
      },
    ]);
    expect(odpsFormat.validate({ ...minimal, apiVersion: 1 }).errors).toEqual([
      {
        path: 'apiVersion',
        message: 'expected a version such as v1.0.0, got the number 1',
      },
    ]);
  });

  it('refuses an apiVersion written without its v', () => {
    const result = odpsFormat.validate({ ...minimal, apiVersion: '1.0.0' });
    expect(result.valid).toBe(false);
    expect(result.errors[0].path).toBe('apiVersion');
  });

  it('gives readDescriptor a clear error for an unknown major, and no entity', () => {
    const result = readDescriptor(
      'apiVersion: v3.0.0\nkind: DataProduct\nid: x\nstatus: active\n',
    );
    expect(result.detected?.standard).toBe('odps');
    expect(result.entities).toEqual([]);
    expect(result.errors[0].message).toContain('not supported');
  });
});
