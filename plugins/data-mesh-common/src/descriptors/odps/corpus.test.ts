import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import {
  corpusEntriesIn,
  corpusFiles,
  readCorpusFile,
} from '../../testUtils/corpus';
import { assertValidEntities } from '../../testUtils/entities';
import { detectDescriptor } from '../formats';
import { parseDescriptor } from '../parse';
import { odpsFormat } from '.';

const FOLDER = 'odps';
const entries = corpusEntriesIn(FOLDER);
const examples = entries.filter(e => e.validAgainstOfficialSchema !== 'n/a');
const read = (file: string) => parseDescriptor(readCorpusFile(file));

// The official schemas, used here only to check our hand-written rules against them.
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const officialSchema = (version: string) =>
  ajv.compile(
    JSON.parse(
      readCorpusFile(
        `${FOLDER}/open-data-product-standard__schema__odps-json-schema-v${version}.json`,
      ),
    ),
  );
const official: Record<string, ReturnType<typeof officialSchema>> = {
  'v0.9.0': officialSchema('0.9.0'),
  'v1.0.0': officialSchema('1.0.0'),
};

/** The official verdict under the suite's policy: declared version, or 1.0.0 for v0.9.0. */
function officialVerdict(document: any): boolean {
  const declared = official[document.apiVersion];
  return (
    declared(document) === true ||
    (document.apiVersion === 'v0.9.0' && official['v1.0.0'](document) === true)
  );
}

type Verdict =
  | 'not a descriptor'
  | 'valid'
  | 'valid with warnings'
  | 'valid as a newer version, with a warning'
  | 'invalid';

/** Our verdict on a document, in the words of SOURCES.tsv's column. */
function ourVerdict(document: unknown): Verdict {
  if (!odpsFormat.detect(document)) {
    return 'not a descriptor';
  }
  const result = odpsFormat.validate(document);
  if (!result.valid) {
    return 'invalid';
  }
  if (
    result.validatedAs !== result.declaredVersion.replace(/^v/, '') &&
    result.warnings.some(w => /follows the rules of 1\.0\.0/.test(w.message))
  ) {
    return 'valid as a newer version, with a warning';
  }
  return result.warnings.length > 0 ? 'valid with warnings' : 'valid';
}

/** yes: valid, possibly with a warning; no: invalid, or valid only as a newer version. */
const ACCEPTABLE: Record<string, Verdict[]> = {
  'n/a': ['not a descriptor'],
  yes: ['valid', 'valid with warnings'],
  no: ['invalid', 'valid as a newer version, with a warning'],
};

describe('ODPS corpus', () => {
  it('has a SOURCES.tsv row for every file of the folder', () => {
    expect(entries.map(e => e.file).sort()).toEqual(corpusFiles(FOLDER).sort());
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  const agreeing: string[] = [];

  it.each(entries.map(e => [e.file, e.validAgainstOfficialSchema]))(
    '%s: our verdict agrees with the official schema (%s)',
    (file, expected) => {
      const verdict = ourVerdict(read(file));
      expect(ACCEPTABLE[expected]).toContain(verdict);
      agreeing.push(file);
    },
  );

  it.each(examples.map(e => [e.file]))('%s: detected as ODPS', file => {
    const document = read(file) as any;
    expect(odpsFormat.detect(document)).toEqual({
      standard: 'odps',
      declaredVersion: document.apiVersion,
    });
  });

  it.each(examples.map(e => [e.file]))(
    '%s: no other format of the registry claims it first',
    file => {
      expect(detectDescriptor(read(file))?.format.standard).toBe('odps');
    },
  );

  it('reports the agreement count', () => {
    // eslint-disable-next-line no-console
    console.info(
      `ODPS: ${agreeing.length}/${entries.length} corpus files agree with SOURCES.tsv (${examples.length} descriptors)`,
    );
    expect(agreeing.length).toBe(entries.length);
  });

  it('SOURCES.tsv agrees with the official schema of the declared version', () => {
    for (const entry of examples) {
      const document = read(entry.file) as any;
      expect([entry.file, official[document.apiVersion](document)]).toEqual([
        entry.file,
        entry.validAgainstOfficialSchema === 'yes',
      ]);
    }
  });

  it('the docs customer example declares v0.9.0 and passes the v1.0.0 schema, so it is accepted with a warning', () => {
    const file = `${FOLDER}/open-data-product-standard__docs__examples__customer-data-product.odps.yaml`;
    const document = read(file);
    expect(official['v0.9.0'](document)).toBe(false);
    expect(official['v1.0.0'](document)).toBe(true);

    const result = odpsFormat.validate(document);
    expect(result).toMatchObject({
      valid: true,
      declaredVersion: 'v0.9.0',
      validatedAs: '1.0.0',
      errors: [],
    });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0].path).toBe('apiVersion');
    expect(result.warnings[0].message).toContain(
      'declares v0.9.0 but follows the rules of 1.0.0, not 0.9.0',
    );
    expect(result.warnings[0].message).toContain(
      'inputPorts[3].tags: unknown field',
    );
  });

  it('every accepted file converts into valid entities', async () => {
    let converted = 0;
    for (const entry of examples) {
      const text = readCorpusFile(entry.file);
      const document = parseDescriptor(text);
      if (!odpsFormat.validate(document).valid) {
        continue;
      }
      const { entities } = odpsFormat.convert(document, {
        rawText: text,
        sourceLocation: `url:https://example.com/${entry.file}`,
      });
      expect(entities).toHaveLength(1);
      await assertValidEntities(entities);
      converted += 1;
    }
    expect(converted).toBe(examples.length);
  });
});

/** Small changes to the real examples, each judged by the official schema and by ours. */
const MUTATIONS: Array<[string, (d: any) => void]> = [
  ['without id', d => delete d.id],
  ['without status', d => delete d.status],
  ['with a numeric status', d => (d.status = 3)],
  ['with an unknown top-level field', d => (d.owner = 'brokerage')],
  ['with name as a list', d => (d.name = ['a'])],
  ['declaring v1.0.0', d => (d.apiVersion = 'v1.0.0')],
  ['with tags of numbers', d => (d.tags = [1, 2])],
  ['without an output port name', d => delete d.outputPorts[0].name],
  ['without an output port version', d => delete d.outputPorts[0].version],
  ['with a port type as a number', d => (d.outputPorts[0].type = 7)],
  ['without an input contractId', d => delete d.inputPorts[0].contractId],
  ['with tags on an input port', d => (d.inputPorts[0].tags = ['finance'])],
  [
    'with an SBOM without url',
    d => (d.outputPorts[0].sbom = [{ type: 'external' }]),
  ],
  [
    'with a support url that is not a URI',
    d => (d.support = [{ channel: 'slack', url: 'not a uri' }]),
  ],
  ['with a support channel without url', d => (d.support = [{ channel: 'x' }])],
  [
    'with a free-text authoritative definition type',
    d =>
      (d.authoritativeDefinitions = [
        { type: 'runbook', url: 'https://example.com/runbook' },
      ]),
  ],
  [
    'with a v0.9.0 authoritative definition type',
    d =>
      (d.authoritativeDefinitions = [
        { type: 'tutorial', url: 'https://example.com/tutorial' },
      ]),
  ],
  [
    'with a custom property without value',
    d => (d.customProperties = [{ property: 'owner' }]),
  ],
  [
    'with a custom property whose value is null',
    d => (d.customProperties = [{ property: 'owner', value: null }]),
  ],
  [
    'with a team as a list of members',
    d => (d.team = [{ name: 'Jane', role: 'owner' }]),
  ],
  [
    'with a team object without member usernames',
    d => (d.team = { name: 'Data team', members: [{ name: 'Jane' }] }),
  ],
  [
    'with an impossible date',
    d => (d.team = [{ username: 'jane', dateIn: '2023-02-30' }]),
  ],
  [
    'with a creation time without time zone',
    d => (d.productCreatedTs = '2023-01-15T10:30:00'),
  ],
  [
    'with a creation time that is not a time',
    d => (d.productCreatedTs = '2023-01-15T25:61:00Z'),
  ],
  [
    'with a management port without content',
    d => (d.managementPorts = [{ name: 'dict' }]),
  ],
  ['with a description that is text', d => (d.description = 'text')],
  [
    'with an unknown description field',
    d => (d.description = { purpose: 'x', owner: 'y' }),
  ],
];

describe('ODPS rules agree with the official schemas on variations of the examples', () => {
  const cases = examples.flatMap(entry =>
    MUTATIONS.map(([label, mutate]) => [entry.file, label, mutate] as const),
  );
  it.each(cases)('%s %s', (file, _label, mutate) => {
    const document = read(file) as any;
    try {
      mutate(document);
    } catch {
      return; // the example has no such part
    }
    expect(odpsFormat.validate(document).valid).toBe(officialVerdict(document));
  });
});
