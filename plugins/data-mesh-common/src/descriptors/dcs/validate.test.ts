import { parseDescriptor } from '../parse';
import { officialVerdict } from './__testUtils__/officialSchema';
import { dcsFormat } from '.';

/** A valid contract of `version`, followed by `rest` (YAML at the top level). */
function contract(version: string, rest = ''): unknown {
  return parseDescriptor(
    `dataContractSpecification: ${version}
id: tenancy-leases
info:
  title: Tenancy leases
  version: 1.0.0
${rest}`,
  );
}

describe('detect', () => {
  it('recognises the marker and keeps the version as written', () => {
    expect(dcsFormat.detect(contract('1.2.1'))).toEqual({
      standard: 'dcs',
      declaredVersion: '1.2.1',
    });
    expect(dcsFormat.detect(contract('0.9.3'))).toEqual({
      standard: 'dcs',
      declaredVersion: '0.9.3',
    });
  });

  it.each([
    ['ODCS', { apiVersion: 'v3.0.2', kind: 'DataContract', id: 'x' }],
    ['ODPS', { apiVersion: 'v1.0.0', kind: 'DataProduct', id: 'x' }],
    ['DPDS', { dataProductDescriptor: '1.0.0', info: {} }],
    [
      'a catalog entity',
      { apiVersion: 'backstage.io/v1alpha1', kind: 'API', metadata: {} },
    ],
    ['null', null],
    ['a string', 'dataContractSpecification: 1.2.1'],
    ['a list', [{ dataContractSpecification: '1.2.1' }]],
    ['a number', 42],
  ])('ignores %s', (_name, document) => {
    expect(dcsFormat.detect(document)).toBeUndefined();
  });
});

describe('validate', () => {
  it('accepts a minimal contract of each version', () => {
    for (const version of [
      '0.9.0',
      '0.9.1',
      '0.9.2',
      '0.9.3',
      '1.1.0',
      '1.2.0',
      '1.2.1',
    ]) {
      const result = dcsFormat.validate(contract(version));
      expect({ version, ...result }).toMatchObject({
        version,
        valid: true,
        validatedAs: version,
        errors: [],
        warnings: [],
      });
    }
  });

  it.each([
    ['null', null],
    ['a string', 'a data contract'],
    ['a list', [1, 2]],
    ['a number', 42],
    ['true', true],
  ])('refuses %s without throwing', (_name, document) => {
    const result = dcsFormat.validate(document);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: '',
        message: expect.stringMatching(
          /^expected a data contract: a mapping with dataContractSpecification, id and info, got /,
        ),
      },
    ]);
  });

  it('refuses an unknown major version, saying which versions it reads', () => {
    const result = dcsFormat.validate(contract('2.0.0'));
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: 'dataContractSpecification',
        message:
          'version 2.0.0 is not supported: the suite reads major versions 0, 1 (0.9.0, 0.9.1, 0.9.2, 0.9.3, 1.1.0, 1.2.0, 1.2.1)',
      },
    ]);
  });

  it('refuses a version written as a number', () => {
    const result = dcsFormat.validate(contract('1.2'));
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: 'dataContractSpecification',
        message: 'expected a version written as text, such as "1.2.1", got 1.2',
      },
    ]);
  });

  it('refuses a missing required field, naming its path', () => {
    const document = parseDescriptor(`dataContractSpecification: 1.2.1
id: tenancy-leases
info:
  version: 1.0.0
`);
    const result = dcsFormat.validate(document);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      { path: 'info.title', message: 'required, expected a string' },
    ]);
    expect(officialVerdict(document, '1.2.1')).toBe(false);
  });

  /*
   * Each case: the document, where the error is, what the message says. Every one is also
   * refused by the official schema of its version.
   */
  const refusals: Array<[string, string, string, string, RegExp]> = [
    [
      'a wrong enum value',
      '1.2.1',
      `models:
  orders:
    fields:
      order_total:
        type: money`,
      'models.orders.fields.order_total.type',
      /^expected one of number, decimal, numeric, .*, variant, json, null, got "money"$/,
    ],
    [
      'a wrong type',
      '1.2.1',
      `models:
  orders:
    fields:
      email:
        type: text
        pii: "yes"`,
      'models.orders.fields.email.pii',
      /^expected true or false, got "yes"$/,
    ],
    [
      'an empty value where text is expected',
      '1.2.1',
      `terms:
  usage:`,
      'terms.usage',
      /^expected a string, got null$/,
    ],
    [
      'a model type of 0.9.2 on',
      '0.9.2',
      `models:
  orders:
    type: topic`,
      'models.orders.type',
      /^expected one of table, view, object, got "topic"$/,
    ],
    [
      'a server type that 0.9.3 does not list',
      '0.9.3',
      `servers:
  files:
    type: ftp`,
      'servers.files.type',
      /^expected one of bigquery, .*, got "ftp"$/,
    ],
    [
      "a server without its type's required fields",
      '0.9.3',
      `servers:
  db:
    type: postgres
    host: db
    port: 5432
    database: leases`,
      'servers.db.schema',
      /^required, expected a string \(for type postgres\)$/,
    ],
    [
      'a port written as text',
      '1.2.1',
      `servers:
  db:
    type: postgres
    host: db
    port: "5432"
    database: leases
    schema: public`,
      'servers.db.port',
      /^expected a number, got "5432" \(for type postgres\)$/,
    ],
    [
      'an SQL check without its query',
      '1.2.1',
      `models:
  orders:
    quality:
      - type: sql
        mustBeLessThan: 3600`,
      'models.orders.quality[0].query',
      /^required, expected a string \(for type sql\)$/,
    ],
    [
      'a library check of 1.2.1 without its metric',
      '1.2.1',
      `models:
  orders:
    quality:
      - type: library
        rule: nullValues`,
      'models.orders.quality[0].metric',
      /^required, expected a string \(for type library\)$/,
    ],
    [
      'a quality check without a type (every type applies)',
      '1.2.1',
      `models:
  orders:
    quality:
      - description: Row count`,
      'models.orders.quality[0].query',
      /without a type, the rules of every type apply/,
    ],
    [
      'a model name with a space',
      '1.2.1',
      `models:
  my orders:
    type: table`,
      'models.my orders',
      /model names may only contain letters, digits, "_" and "-"/,
    ],
    [
      'an empty models map',
      '0.9.3',
      'models: {}',
      'models',
      /^expected at least one model, got none$/,
    ],
    [
      'an availability that is not a percentage',
      '1.2.1',
      `servicelevels:
  availability:
    percentage: 99.9 percent`,
      'servicelevels.availability.percentage',
      /^expected text matching .*, got "99.9 percent"$/,
    ],
    [
      'a 0.9.x schema block whose specification is a number',
      '0.9.3',
      `schema:
  type: dbt
  specification: 5`,
      'schema.specification',
      /^expected a string or a mapping, got 5$/,
    ],
    [
      'an enum listing a value twice',
      '0.9.3',
      `models:
  leases:
    fields:
      kind:
        type: text
        enum: [office, office]`,
      'models.leases.fields.kind.enum[1]',
      /^expected each value once, got "office" again$/,
    ],
    [
      'a 0.9.2 definition without its name',
      '0.9.2',
      `definitions:
  lei:
    type: text`,
      'definitions.lei.name',
      /^required, expected a string$/,
    ],
    [
      'a lineage without input fields',
      '1.1.0',
      `models:
  leases:
    fields:
      rent:
        type: decimal
        lineage:
          transformationType: copy`,
      'models.leases.fields.rent.lineage.inputFields',
      /^required, expected a list$/,
    ],
  ];

  it.each(refusals)(
    'refuses %s, naming its path',
    (_name, version, rest, path, message) => {
      const document = contract(version, rest);
      const result = dcsFormat.validate(document);
      expect(result.valid).toBe(false);
      expect(result.errors).toContainEqual({
        path,
        message: expect.stringMatching(message),
      });
      expect(officialVerdict(document, version)).toBe(false);
    },
  );

  it('never throws on a document that refers to itself through an alias', () => {
    // parseDescriptor refuses such a file; validate must hold on its own too, since
    // documents also reach it from elsewhere (scaffolder input, tests).
    const models: Record<string, unknown> = {};
    models.leases = { fields: { inner: { fields: models } } };
    const document = {
      dataContractSpecification: '1.2.1',
      id: 'loop',
      info: { title: 'Loop', version: '1.0.0' },
      models,
    };
    const result = dcsFormat.validate(document);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: '',
        message: expect.stringContaining('refers to itself'),
      },
    ]);
  });

  it('never throws on a document nested deeper than any contract', () => {
    let fields: Record<string, unknown> = { type: 'text' };
    for (let level = 0; level < 200; level += 1) {
      fields = { type: 'object', fields: { nested: fields } };
    }
    const document = {
      dataContractSpecification: '1.2.1',
      id: 'deep',
      info: { title: 'Deep', version: '1.0.0' },
      models: { leases: { fields: { root: fields } } },
    };
    const result = dcsFormat.validate(document);
    expect(result.valid).toBe(false);
    expect(result.errors[0].message).toMatch(/nested more than \d+ levels/);
  });
});

describe('version policy', () => {
  it('accepts a document that follows a newer version than it declares, with a warning', () => {
    // `time` arrived in 1.2.0; the official 1.1.0 schema refuses it, 1.2.0 accepts it.
    const document = contract(
      '1.1.0',
      `models:
  offices:
    fields:
      opens:
        type: time`,
    );
    expect(officialVerdict(document, '1.1.0')).toBe(false);
    expect(officialVerdict(document, '1.2.0')).toBe(true);

    const result = dcsFormat.validate(document);
    expect(result).toMatchObject({ valid: true, validatedAs: '1.2.0' });
    expect(result.warnings).toEqual([
      {
        path: 'dataContractSpecification',
        message: expect.stringMatching(
          /^declares 1\.1\.0 but follows the rules of 1\.2\.0, not 1\.1\.0 \(models\.offices\.fields\.opens\.type: expected one of .*, got "time"\); update dataContractSpecification to 1\.2\.0$/,
        ),
      },
    ]);
  });

  it('checks a newer minor version by the newest rules, accepting new types', () => {
    const result = dcsFormat.validate(
      contract(
        '1.3.0',
        `models:
  leases:
    fields:
      lease_id:
        type: uuid
        pii: false`,
      ),
    );
    expect(result).toMatchObject({
      valid: true,
      validatedAs: '1.2.1',
      warnings: [
        {
          path: 'dataContractSpecification',
          message: expect.stringContaining('newer than the suite knows'),
        },
      ],
    });
  });

  it('still checks the fields a newer minor version shares with the newest', () => {
    const result = dcsFormat.validate(
      contract(
        '1.3.0',
        `models:
  leases:
    fields:
      lease_id:
        pii: "no"`,
      ),
    );
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: 'models.leases.fields.lease_id.pii',
        message: 'expected true or false, got "no"',
      },
    ]);
  });

  it('accepts any server type from 1.2.0 on, but checks the listed ones', () => {
    expect(
      dcsFormat.validate(
        contract(
          '1.2.0',
          `servers:
  files:
    type: ftp
    host: files.example.com`,
        ),
      ).valid,
    ).toBe(true);
    expect(
      dcsFormat.validate(
        contract(
          '1.2.0',
          `servers:
  lake:
    type: s3`,
        ),
      ).errors,
    ).toEqual([
      {
        path: 'servers.lake.location',
        message: 'required, expected a string (for type s3)',
      },
    ]);
  });
});
