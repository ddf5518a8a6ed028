import { validateOdcs } from './validate';

/** A minimal valid contract of a version, with changes. */
function contract(apiVersion: string, changes: Record<string, unknown> = {}) {
  return {
    apiVersion,
    kind: 'DataContract',
    id: 'orders-contract',
    version: '1.0.0',
    status: 'active',
    ...changes,
  };
}

const table = (properties: unknown[], extra: Record<string, unknown> = {}) => ({
  schema: [{ name: 'orders', physicalType: 'table', properties, ...extra }],
});

describe('validateOdcs: bad input', () => {
  it('refuses an unknown major version, naming the versions it reads', () => {
    const result = validateOdcs(contract('v4.0.0'));
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: 'apiVersion',
        message:
          'version v4.0.0 is not supported: the suite reads major versions 2, 3 (2.2.1, 2.2.2, 3.0.0, 3.0.1, 3.0.2, 3.1.0, 3.2.0)',
      },
    ]);
  });

  it('reports a wrong value with its path and what was expected', () => {
    const result = validateOdcs(
      contract(
        'v3.0.2',
        table([
          { name: 'id', logicalType: 'string' },
          { name: 'note', logicalType: 'text' },
        ]),
      ),
    );
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: 'schema[0].properties[1].logicalType',
        message:
          'expected one of string, date, number, integer, object, array, boolean, got "text"',
      },
    ]);
  });

  it('reports a wrong type with its path', () => {
    const result = validateOdcs(
      contract(
        'v3.1.0',
        table([{ name: 'id', required: 'yes', primaryKeyPosition: 1.5 }]),
      ),
    );
    expect(result.errors).toEqual([
      {
        path: 'schema[0].properties[0].primaryKeyPosition',
        message: 'expected an integer, got 1.5',
      },
      {
        path: 'schema[0].properties[0].required',
        message: 'expected true or false, got "yes"',
      },
    ]);
  });

  it('reports an unknown field with its own path, at the root and nested', () => {
    const result = validateOdcs(
      contract('v3.2.0', {
        owner: 'brokerage',
        ...table([{ name: 'id', logicalType: 'string', colour: 'red' }]),
      }),
    );
    expect(result.errors).toEqual([
      {
        path: 'schema[0].properties[0].colour',
        message: 'unknown field: ODCS v3.2.0 does not define it here',
      },
      {
        path: 'owner',
        message: 'unknown field: ODCS v3.2.0 does not define it here',
      },
    ]);
  });

  it('reports a missing required field', () => {
    const { id: _id, ...withoutId } = contract('v3.1.0');
    expect(validateOdcs(withoutId).errors).toEqual([
      { path: 'id', message: 'required: expected a string' },
    ]);
  });

  it.each([
    [null, 'null'],
    ['a contract', '"a contract"'],
    [[1, 2], 'a list'],
    [42, '42'],
    [undefined, 'nothing'],
  ])('refuses %p, which is no object, without throwing', (input, shown) => {
    const result = validateOdcs(input);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: '',
        message: expect.stringMatching(
          new RegExp(
            `^expected an ODCS data contract .*, got ${shown.replace(
              /[[\]"]/g,
              '\\$&',
            )}$`,
          ),
        ),
      },
    ]);
  });

  it('never throws, whatever sits in the fields', () => {
    const values: unknown[] = [
      null,
      'x',
      0,
      -1.5,
      true,
      [],
      {},
      [null],
      [{}],
      { a: [] },
    ];
    const fields = [
      'apiVersion',
      'kind',
      'id',
      'status',
      'servers',
      'schema',
      'team',
      'support',
      'slaProperties',
      'description',
      'price',
      'roles',
      'customProperties',
      'context',
    ];
    for (const field of fields) {
      for (const value of values) {
        expect(() =>
          validateOdcs(contract('v3.2.0', { [field]: value })),
        ).not.toThrow();
        expect(() =>
          validateOdcs(
            contract('v3.1.0', table([{ name: 'p', [field]: value }])),
          ),
        ).not.toThrow();
      }
    }
  });

  it('refuses a document nested too deep, and one that refers to itself', () => {
    let deep: Record<string, unknown> = { name: 'leaf' };
    for (let i = 0; i < 500; i++) {
      deep = { name: `level${i}`, logicalType: 'object', properties: [deep] };
    }
    const nested = validateOdcs(contract('v3.1.0', table([deep])));
    expect(nested.valid).toBe(false);
    expect(nested.errors[0].message).toMatch(/nested more than 64 levels/);

    const cyclic: Record<string, unknown> = contract('v3.1.0');
    cyclic.customProperties = [{ property: 'self', value: cyclic }];
    expect(validateOdcs(cyclic).valid).toBe(false);
  });

  it('refuses a contract without apiVersion, saying which versions exist', () => {
    const { apiVersion: _v, ...withoutVersion } = contract('v3.1.0');
    expect(validateOdcs(withoutVersion).errors).toEqual([
      {
        path: 'apiVersion',
        message:
          'required: expected the ODCS version the contract follows, one of v3.0.0, v3.0.1, v3.0.2, v3.1.0, v3.2.0',
      },
    ]);
  });
});

describe('validateOdcs: the version policy', () => {
  it('accepts each known version by its own rules', () => {
    for (const version of ['v3.0.0', 'v3.0.1', 'v3.0.2', 'v3.1.0', 'v3.2.0']) {
      const result = validateOdcs(contract(version));
      expect(result).toMatchObject({
        valid: true,
        validatedAs: version.slice(1),
        errors: [],
        warnings: [],
      });
    }
  });

  it('accepts, with a warning, a contract that follows a newer version than it declares', () => {
    // Stable ids arrived in v3.1.0.
    const result = validateOdcs(
      contract('v3.0.2', table([{ id: 'order_id', name: 'order_id' }])),
    );
    expect(result.valid).toBe(true);
    expect(result.validatedAs).toBe('3.1.0');
    expect(result.warnings).toEqual([
      {
        path: 'apiVersion',
        message: expect.stringMatching(
          /^declares v3\.0\.2 but follows the rules of 3\.1\.0, not 3\.0\.2 \(schema\[0\]\.properties\[0\]\.id: unknown field/,
        ),
      },
    ]);
  });

  it('reads a newer minor version by the newest rules it knows, keeping unknown fields', () => {
    const result = validateOdcs(
      contract('v3.3.0', { aiHints: 'new in 3.3', ...table([{ name: 'id' }]) }),
    );
    expect(result.valid).toBe(true);
    expect(result.validatedAs).toBe('3.2.0');
    expect(result.warnings[0].message).toMatch(/newer than the suite knows/);
  });

  it('refuses a version that was never published', () => {
    const result = validateOdcs(contract('v3.1.5'));
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual({
      path: 'apiVersion',
      message: 'expected one of v3.0.0, v3.0.1, v3.0.2, v3.1.0, got "v3.1.5"',
    });
  });

  it('requires status until v3.1.0, not in v3.2.0', () => {
    const { status: _s, ...withoutStatus } = contract('v3.1.0');
    const result = validateOdcs(withoutStatus);
    // v3.2.0 made status optional: the contract follows v3.2.0.
    expect(result).toMatchObject({ valid: true, validatedAs: '3.2.0' });
    expect(result.warnings).toEqual([
      {
        path: 'apiVersion',
        message:
          'declares v3.1.0 but follows the rules of 3.2.0, not 3.1.0 (status: required: expected a string); update apiVersion to 3.2.0',
      },
    ]);
    expect(
      validateOdcs({ ...withoutStatus, apiVersion: 'v3.2.0' }).warnings,
    ).toEqual([]);
  });

  it('checks quality checks by the rules of their version', () => {
    const ruleCheck = table([{ name: 'id', quality: [{ rule: 'nullCheck' }] }]);
    expect(validateOdcs(contract('v3.0.2', ruleCheck)).valid).toBe(true);
    const metricCheck = table([
      { name: 'id', quality: [{ metric: 'nullValues', mustBe: 0 }] },
    ]);
    expect(validateOdcs(contract('v3.1.0', metricCheck)).valid).toBe(true);
    expect(validateOdcs(contract('v3.1.0', ruleCheck)).errors).toEqual([
      {
        path: 'schema[0].properties[0].quality[0].rule',
        message:
          'only allowed in a library check (type: library, or a check with a metric)',
      },
    ]);
    expect(
      validateOdcs(
        contract(
          'v3.1.0',
          table([{ name: 'id', quality: [{ metric: 'rowCount' }] }]),
        ),
      ).errors,
    ).toEqual([
      {
        path: 'schema[0].properties[0].quality[0]',
        message: expect.stringMatching(
          /^expected exactly one operator .*, got none$/,
        ),
      },
    ]);
  });

  it('keeps the v3.0 servers open and closes them from v3.1.0', () => {
    const servers = {
      servers: [
        {
          server: 'prod',
          type: 'postgres',
          host: 'db',
          port: 5432,
          database: 'sales',
          schema: 'public',
          sslMode: 'require',
        },
      ],
    };
    expect(validateOdcs(contract('v3.0.2', servers)).valid).toBe(true);
    expect(validateOdcs(contract('v3.1.0', servers)).errors).toEqual([
      {
        path: 'servers[0].sslMode',
        message: 'unknown field: ODCS v3.1.0 does not define it here',
      },
    ]);
    const noPort = {
      servers: [
        {
          server: 'prod',
          type: 'postgres',
          host: 'db',
          database: 'sales',
          schema: 'public',
        },
      ],
    };
    expect(validateOdcs(contract('v3.0.2', noPort)).errors).toEqual([
      { path: 'servers[0].port', message: 'required: expected a number' },
    ]);
  });

  it('follows the Athena staging field of each version', () => {
    const athena = (fields: Record<string, unknown>) => ({
      servers: [{ server: 'lake', type: 'athena', schema: 'sales', ...fields }],
    });
    // v3.0.1 asks for staging_dir; a contract that writes stagingDir follows v3.0.2.
    const camel = validateOdcs(
      contract('v3.0.1', athena({ stagingDir: 's3://bucket/tmp' })),
    );
    expect(camel.valid).toBe(true);
    expect(camel.validatedAs).toBe('3.0.2');
    expect(
      validateOdcs(contract('v3.0.1', athena({ staging_dir: 's3://x' })))
        .warnings,
    ).toEqual([]);
    expect(validateOdcs(contract('v3.2.0', athena({}))).valid).toBe(true);
    expect(
      validateOdcs(contract('v3.1.0', athena({ stagingDir: 'not a uri' })))
        .errors,
    ).toEqual([
      {
        path: 'servers[0].stagingDir',
        message:
          'expected an absolute URI such as "s3://bucket/path", got "not a uri"',
      },
    ]);
  });

  it('allows nested fields by logical type', () => {
    const wrongNesting = table([
      { name: 'tags', logicalType: 'string', items: { logicalType: 'string' } },
    ]);
    expect(validateOdcs(contract('v3.1.0', wrongNesting)).errors).toEqual([
      {
        path: 'schema[0].properties[0].items',
        message:
          'only allowed when logicalType is array, got logicalType "string"',
      },
    ]);
    const options = table([
      {
        name: 'age',
        logicalType: 'integer',
        logicalTypeOptions: { minimum: 0, maxLength: 3 },
      },
    ]);
    expect(validateOdcs(contract('v3.1.0', options)).errors).toEqual([
      {
        path: 'schema[0].properties[0].logicalTypeOptions.maxLength',
        message: 'unknown field: ODCS v3.1.0 does not define it here',
      },
    ]);
  });

  it('checks the dates, timestamps and references it defines', () => {
    const result = validateOdcs(
      contract('v3.1.0', {
        contractCreatedTs: '2024-02-30T10:00:00Z',
        team: {
          name: 'sales',
          members: [{ username: 'ada', dateIn: '2024-13-01' }],
        },
        ...table([
          { name: 'customer_id', relationships: [{ to: 'customers' }] },
        ]),
      }),
    );
    expect(result.errors).toEqual([
      {
        path: 'schema[0].properties[0].relationships[0].to',
        message:
          'expected a reference such as table.column, or /schema/<id>/properties/<id> (or a list of them), got "customers"',
      },
      {
        path: 'team.members[0].dateIn',
        message: 'expected a date such as "2024-01-31", got "2024-13-01"',
      },
      {
        path: 'contractCreatedTs',
        message:
          'expected a timestamp with offset such as "2024-01-31T09:30:00Z", got "2024-02-30T10:00:00Z"',
      },
    ]);
  });

  it('warns about what v3.1.0 deprecates', () => {
    const result = validateOdcs(
      contract('v3.1.0', {
        team: [{ username: 'ada' }],
        slaDefaultElement: 'orders.id',
      }),
    );
    expect(result.valid).toBe(true);
    expect(result.warnings.map(w => w.path)).toEqual([
      'team',
      'slaDefaultElement',
    ]);
  });
});

describe('validateOdcs: ODCS v2 (legacy)', () => {
  const v2 = {
    version: '1.0.0',
    kind: 'DataContract',
    uuid: '53581432-6c55-4ba2-a65f-72344a91553a',
    type: 'tables',
    status: 'current',
    datasetName: 'orders',
    quantumName: 'sales',
    dataset: [
      {
        table: 'orders',
        columns: [
          {
            column: 'id',
            logicalType: 'string',
            physicalType: 'varchar',
            isPrimaryKey: true,
          },
        ],
      },
    ],
  };

  it('reads a v2 contract without apiVersion as v2.2.2, with warnings', () => {
    const result = validateOdcs(v2);
    expect(result).toMatchObject({
      valid: true,
      validatedAs: '2.2.2',
      declaredVersion: '',
    });
    expect(result.warnings.map(w => w.message)).toEqual([
      expect.stringMatching(/^no apiVersion: read as ODCS v2\.2\.2/),
      expect.stringMatching(/^ODCS v2 is a legacy format/),
    ]);
  });

  it('checks v2.2.1 and v2.2.2 by their own rules', () => {
    expect(validateOdcs({ ...v2, apiVersion: 'v2.2.2' }).valid).toBe(true);
    // v2.2.1 typed isPrimaryKey as a string: this contract follows v2.2.2.
    const older = validateOdcs({ ...v2, apiVersion: 'v2.2.1' });
    expect(older.valid).toBe(true);
    expect(older.validatedAs).toBe('2.2.2');
  });

  it('reports what a v2 contract lacks, with its path', () => {
    const { quantumName: _q, ...rest } = v2;
    const result = validateOdcs({
      ...rest,
      apiVersion: 'v2.2.2',
      dataset: [
        { table: 'orders', columns: [{ column: 'id', logicalType: 'string' }] },
      ],
    });
    expect(result.errors).toEqual([
      { path: 'quantumName', message: 'required: expected a string' },
      {
        path: 'dataset[0].columns[0].physicalType',
        message: 'required: expected a string',
      },
    ]);
  });
});
