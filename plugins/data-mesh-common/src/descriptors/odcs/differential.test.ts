import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { VersionRules } from '../versions';
import { parseDescriptor } from '../parse';
import { corpusDir, corpusFiles, readCorpusFile } from '../../testUtils/corpus';
import { odcsV3Rules } from './rules';
import { odcsV2Rules } from './v2/rules';

/**
 * Beyond the corpus: each version's rules against that version's official schema, on the
 * corpus examples changed at random (a field removed, retyped, renamed, or replaced by a
 * snippet of another part of the standard). The official schemas are read here only, to
 * judge; the rules are the suite's own.
 */

const OFFICIAL: Record<string, string> = {
  '2.2.1':
    'odcs/open-data-contract-standard__schema__odcs-json-schema-v2.2.1.json',
  '2.2.2':
    'odcs/open-data-contract-standard__schema__odcs-json-schema-v2.2.2.json',
  '3.0.0':
    'odcs/open-data-contract-standard__schema__odcs-json-schema-v3.0.0.json',
  '3.0.1':
    'odcs/open-data-contract-standard__schema__odcs-json-schema-v3.0.1.json',
  '3.0.2':
    'odcs/open-data-contract-standard__schema__odcs-json-schema-v3.0.2.json',
  '3.1.0':
    'odcs/open-data-contract-standard__schema__odcs-json-schema-v3.1.0.json',
  '3.2.0':
    'odcs-v3.2.0-dev/open-data-contract-standard__schema__odcs-json-schema-v3.2.0.json',
};

/** Values and parts of the standard to drop into a document, by field name. */
const SNIPPETS: Record<string, unknown[]> = {
  quality: [
    [{ type: 'text', description: 'x' }],
    [{ metric: 'nullValues' }],
    [{ type: 'sql', query: 'q', mustBe: 1 }],
    [{ type: 'custom', engine: 'e', implementation: {} }],
    [{ rule: 'r', mustBeBetween: [1, 1] }],
    [{ metric: 'rowCount', mustBeBetween: [1, 2], mustBe: 1 }],
    [{ metric: 'rowCount', mustBeGreaterThan: 'x' }],
    [{ type: 'text', rule: 'x' }],
    [{ description: 'd' }],
  ],
  relationships: [
    [{ to: 'a.b' }],
    [{ from: 'a.b', to: 'c.d' }],
    [{ from: ['a.b'], to: 'c.d' }],
    [{ to: ['a.b', 'c.d'] }],
    [{ to: '/schema/x/properties/y' }],
    [{ to: 'a.b.c' }],
    [{ to: [] }],
  ],
  logicalTypeOptions: [
    { minLength: 1 },
    { format: 'i64' },
    { exclusiveMinimum: true },
    { exclusiveMinimum: 5 },
    { required: ['a', 'a'] },
    { timezone: true },
    { multipleOf: 0 },
  ],
  team: [
    { name: 't', members: [{ username: 'u' }] },
    [{ username: 'u' }],
    [{ role: 'r' }],
    { members: [{ role: 'x' }] },
    [{ username: 'u', dateIn: '2024-02-30' }],
  ],
  customProperties: [
    [{ property: 'p', value: null }],
    [{ property: 'p' }],
    [{ property: 'p', value: 1, id: 'bad id' }],
  ],
  context: [
    'text',
    { verifiedStatements: [{ question: 'q' }] },
    { constraints: [{ id: 'x' }] },
  ],
  enum: [
    [{ value: 'a' }],
    [{ value: 'a' }, { value: 'a' }],
    [],
    [{ value: [1] }],
  ],
  map: [
    { key: { logicalType: 'string' }, value: { logicalType: 'string' } },
    { key: {} },
  ],
  servers: [
    [{ server: 's', type: 'athena', schema: 'x' }],
    [{ server: 's', type: 'athena', staging_dir: 'x', schema: 'y' }],
    [{ server: 's', type: 'sftp', location: 'http://x' }],
    [{ server: 's', type: 'duckdb', database: 'd', schema: 'main' }],
    [{ server: 's', type: 's3', location: 's3://b', format: 'avro' }],
    [{ server: 's', type: 'hive', host: 'h', database: 'd' }],
    [{ server: 's', type: 'azure', format: 'csv' }],
  ],
  support: [
    [{ channel: 'c' }],
    [{ url: 'u' }],
    [{ channel: 'c', url: 'u', extra: 1 }],
  ],
  slaProperties: [
    [{ property: 'p', value: null }],
    [{ property: 'p' }],
    [{ property: 'p', value: [1] }],
  ],
  items: [
    { logicalType: 'string' },
    { logicalType: 'timestamp', properties: [{ name: 'a' }] },
    { logicalType: 'string', properties: [] },
  ],
  contractCreatedTs: [
    '2024-01-01T00:00:00Z',
    '2024-01-01',
    '2024-02-30T00:00:00Z',
  ],
  id: ['ok_id', 'bad id', 5],
  price: [{ priceAmount: 1 }, { priceAmount: '1' }, { extra: 1 }],
  roles: [[{ role: 'r' }], [{ access: 'a' }], [{ role: 'r', extra: 1 }]],
  description: [{ purpose: 'p', extra: 1 }, 'text'],
  logicalType: ['timestamp', 'time', 'map', 'object', 'array', 'decimal'],
  isPrimaryKey: [true, 'true'],
  dataset: [[], {}, [{ table: 't', columns: [{ column: 'c' }] }]],
};

const VALUES = [5, 'bogus', true, null, [], {}, 1.5, -1, 'object', 'library'];

/** A small deterministic generator, so a failure can be reproduced. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return <T>(values: T[]): T => values[Math.floor(next() * values.length)];
}

type Node = { parent: any; key: string | number; value: unknown };

function nodesOf(value: unknown, parent?: any, key?: string | number): Node[] {
  const nodes: Node[] =
    parent === undefined ? [] : [{ parent, key: key!, value }];
  if (Array.isArray(value)) {
    value.forEach((child, i) => nodes.push(...nodesOf(child, value, i)));
  } else if (value && typeof value === 'object') {
    for (const [k, child] of Object.entries(value)) {
      nodes.push(...nodesOf(child, value, k));
    }
  }
  return nodes;
}

function mutate(document: unknown, pick: ReturnType<typeof generator>) {
  const copy = JSON.parse(JSON.stringify(document));
  const nodes = nodesOf(copy);
  const objects = nodes
    .map(n => n.value)
    .filter(v => v && typeof v === 'object' && !Array.isArray(v)) as any[];
  const node = pick(nodes);
  switch (pick([0, 1, 2, 3])) {
    case 0:
      if (Array.isArray(node.parent)) {
        node.parent.splice(node.key as number, 1);
      } else {
        delete node.parent[node.key];
      }
      break;
    case 1:
      node.parent[node.key] = pick(VALUES);
      break;
    case 2:
      pick(objects.length ? objects : [copy])[
        pick(['extra', 'id', 'name', 'type', 'metric', 'rule', 'query'])
      ] = pick(VALUES);
      break;
    default: {
      const field = pick(Object.keys(SNIPPETS));
      pick(objects.length ? objects : [copy])[field] = JSON.parse(
        JSON.stringify(pick(SNIPPETS[field])),
      );
    }
  }
  return copy;
}

/**
 * The v3.2.0 draft schema asks a property without a logicalType for a `map` block (its `if`
 * lacks `required`); the suite does not copy that slip, so these verdicts differ on purpose.
 */
function onlyTheMapSlip(errors: Array<{ message?: string; params?: any }>) {
  return (
    errors.every(
      e =>
        e.params?.missingProperty === 'map' ||
        e.params?.failingKeyword === 'then' ||
        /unevaluated/.test(e.message ?? ''),
    ) && errors.some(e => e.params?.missingProperty === 'map')
  );
}

function compare(
  rules: VersionRules[],
  folders: string[],
  mutations: number,
): string[] {
  const official = new Map(
    rules.map(r => {
      const ajv = new Ajv2019({ strict: false, allErrors: true });
      addFormats(ajv);
      const schema = JSON.parse(
        readFileSync(join(corpusDir, OFFICIAL[r.version]), 'utf8'),
      );
      return [r.version, ajv.compile(schema)];
    }),
  );
  const documents = folders
    .flatMap(folder => corpusFiles(folder))
    .filter(file => file.endsWith('.yaml') && !file.includes('adventureworks'))
    .map(file => parseDescriptor(readCorpusFile(file)));
  const pick = generator(42);
  const disagreements: string[] = [];
  for (let i = 0; i < mutations; i++) {
    let document = mutate(pick(documents), pick);
    if (pick([true, false, false])) {
      document = mutate(document, pick);
    }
    for (const rule of rules) {
      const candidate = { ...document, apiVersion: `v${rule.version}` };
      const validate = official.get(rule.version)!;
      const officialValid = validate(candidate) === true;
      const ours = rule.check(candidate, { allowUnknownFields: false });
      if (officialValid === (ours.length === 0)) {
        continue;
      }
      if (
        !officialValid &&
        rule.version === '3.2.0' &&
        onlyTheMapSlip(validate.errors ?? [])
      ) {
        continue;
      }
      disagreements.push(
        `v${rule.version}: official ${
          officialValid ? 'valid' : 'invalid'
        }, ours ${JSON.stringify(ours)} for ${JSON.stringify(candidate).slice(
          0,
          400,
        )}`,
      );
    }
  }
  return disagreements;
}

describe('ODCS rules against the official schemas, on changed examples', () => {
  it('agree for v3.0.0 to v3.2.0', () => {
    expect(compare(odcsV3Rules, ['odcs', 'odcs-v3.2.0-dev'], 600)).toEqual([]);
  });

  it('agree for v2.2.1 and v2.2.2', () => {
    expect(compare(odcsV2Rules, ['odcs-v2'], 300)).toEqual([]);
  });
});
