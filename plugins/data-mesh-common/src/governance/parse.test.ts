import {
  GOVERNANCE_POLICIES_CONFIG_KEY,
  parsePolicies,
  PolicyConfigError,
  policiesFromDocument,
  safeParsePolicies,
} from './parse';
import { demoPolicies } from './__testUtils__/demoMesh';

const issuesOf = (value: unknown) => {
  const result = safeParsePolicies(value);
  if (result.success) {
    throw new Error('expected the policies to be refused');
  }
  return result.issues.map(i => `${i.path}: ${i.message}`);
};

describe('governance policies as data', () => {
  it('parses the demo policy set and fills in the defaults', () => {
    const rules = demoPolicies();
    expect(rules.map(r => `${r.id} ${r.type} ${r.severity}`)).toEqual([
      'mesh/required-metadata required-fields error',
      'mesh/product-name naming-pattern error',
      'mesh/output-port-contract output-port-contract error',
      'mesh/sensitive-data-access sensitive-data-access error',
      'mesh/deprecated-successor deprecated-successor error',
      'mesh/owner-group owner-group-exists error',
      'mesh/upstream-not-retired upstream-not-retired error',
      'mesh/contract-quality contract-quality-declared warning',
      'mesh/support-channel required-fields warning',
    ]);
    expect(rules.find(r => r.id === 'mesh/output-port-contract')).toEqual({
      id: 'mesh/output-port-contract',
      type: 'output-port-contract',
      severity: 'error',
      description:
        'Every output port has a contract registered in the catalog.',
      enabled: true,
      appliesTo: { kind: 'DataProduct' },
      params: { resolvable: true, requirePorts: true },
    });
  });

  it('reads a rule with nothing but its id, type and severity: DataProduct, enabled, default params', () => {
    expect(
      parsePolicies([
        {
          id: 'quality',
          type: 'contract-quality-declared',
          severity: 'warning',
        },
      ]),
    ).toEqual([
      {
        id: 'quality',
        type: 'contract-quality-declared',
        severity: 'warning',
        enabled: true,
        appliesTo: { kind: 'DataProduct' },
        params: { scope: 'contract' },
      },
    ]);
  });

  it('names the path of a pattern that is no regular expression', () => {
    const policies = demoPolicies() as unknown[];
    (policies[1] as any).params.pattern = '^[a-z';
    const issues = issuesOf(policies);
    expect(issues).toEqual([
      expect.stringMatching(
        /^datamesh\.governance\.policies\[1\]\.params\.pattern: expected a regular expression \(.+\)$/,
      ),
    ]);
  });

  it('says what is wrong with each field, with its path', () => {
    expect(
      issuesOf([
        {
          id: 'a',
          type: 'required-fields',
          severity: 'error',
          params: { fields: [] },
        },
        { id: 'b', type: 'no-such-rule', severity: 'error' },
        { id: 'c', type: 'owner-group-exists', severity: 'fatal' },
        { id: 'd', type: 'owner-group-exists' },
        { id: 'e', type: 'owner-group-exists', severity: 'error', parms: {} },
        { id: 'Bad Id', type: 'owner-group-exists', severity: 'error' },
        {
          id: 'g',
          type: 'naming-pattern',
          severity: 'error',
          params: { field: 'spec..name', pattern: 'x' },
        },
      ]),
    ).toEqual([
      'datamesh.governance.policies[1].type: expected one of required-fields, naming-pattern, output-port-contract, sensitive-data-access, deprecated-successor, owner-group-exists, upstream-not-retired, contract-quality-declared, got "no-such-rule"',
      'datamesh.governance.policies[0].params.fields: expected at least 1 item, got 0 items',
      'datamesh.governance.policies[2].severity: expected one of error, warning, got "fatal"',
      'datamesh.governance.policies[3].severity: required: expected one of error, warning',
      'datamesh.governance.policies[4].parms: unknown field: a governance rule does not define it here',
      'datamesh.governance.policies[5].id: expected an id of lowercase letters, digits and . _ / - (at most 100 characters), e.g. mesh/required-metadata, got "Bad Id"',
      'datamesh.governance.policies[6].params.field: expected a dotted field path such as spec.description.purpose or spec.outputPorts[].name, got "spec..name"',
    ]);
  });

  it('refuses duplicate ids and product rules on another kind', () => {
    expect(
      issuesOf([
        { id: 'x', type: 'owner-group-exists', severity: 'error' },
        {
          id: 'x',
          type: 'deprecated-successor',
          severity: 'error',
          appliesTo: { kind: 'API' },
        },
      ]),
    ).toEqual([
      'datamesh.governance.policies[1].appliesTo.kind: expected dataproduct: a deprecated-successor rule checks only that kind, got "API"',
      'datamesh.governance.policies[1].id: duplicate id "x": [0] has it already; each rule needs its own',
    ]);
  });

  it('reads a selector as an object or as field=value text', () => {
    const [object, text] = parsePolicies([
      {
        id: 'a',
        type: 'owner-group-exists',
        severity: 'error',
        appliesTo: {
          kind: 'DataProduct',
          selector: {
            'spec.type': ['aggregate', 'consumer-aligned'],
            'spec.usage.redistribution': false,
          },
        },
      },
      {
        id: 'b',
        type: 'owner-group-exists',
        severity: 'error',
        appliesTo: { selector: 'spec.domain=brokerage, metadata.tags=credit' },
      },
    ]);
    expect(object.appliesTo.selector).toEqual({
      'spec.type': ['aggregate', 'consumer-aligned'],
      'spec.usage.redistribution': ['false'],
    });
    expect(text.appliesTo).toEqual({
      kind: 'DataProduct',
      selector: { 'spec.domain': ['brokerage'], 'metadata.tags': ['credit'] },
    });
    expect(
      issuesOf([
        {
          id: 'c',
          type: 'owner-group-exists',
          severity: 'error',
          appliesTo: { selector: 'spec.domain' },
        },
      ]),
    ).toEqual([
      'datamesh.governance.policies[0].appliesTo.selector: expected field=value pairs separated by commas, got "spec.domain"',
    ]);
  });

  it('throws a PolicyConfigError that a backend reports like an InputError', () => {
    let error: unknown;
    try {
      parsePolicies({ not: 'a list' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyConfigError);
    expect(error).toMatchObject({
      name: 'InputError',
      message: `Invalid governance policies: ${GOVERNANCE_POLICIES_CONFIG_KEY}: expected a list, got an object`,
    });
  });

  it('reads a policies file as a list, as { policies }, or as an app-config', () => {
    const rules = [{ id: 'a', type: 'owner-group-exists', severity: 'error' }];
    expect(policiesFromDocument(rules)).toHaveLength(1);
    expect(policiesFromDocument({ policies: rules })).toHaveLength(1);
    expect(
      policiesFromDocument({
        app: { title: 'x' },
        datamesh: { governance: { policies: rules } },
      }),
    ).toHaveLength(1);
    expect(() => policiesFromDocument([{ id: 'a' }])).toThrow(
      /^Invalid governance policies: \[0\]\.type: expected one of/,
    );
    expect(() =>
      policiesFromDocument({
        datamesh: {
          governance: { policies: [{ id: 'a', type: 'x', severity: 'error' }] },
        },
      }),
    ).toThrow(/datamesh\.governance\.policies\[0\]\.type: expected one of/);
    expect(() => policiesFromDocument({ app: {} })).toThrow(
      /expected a list of rules, or a file with datamesh\.governance\.policies/,
    );
  });
});
