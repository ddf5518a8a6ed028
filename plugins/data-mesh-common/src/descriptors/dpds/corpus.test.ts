import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  corpusEntriesIn,
  corpusFiles,
  readCorpusFile,
} from '../../testUtils/corpus';
import { assertValidEntities } from '../../testUtils/entities';
import { detectDescriptor } from '../formats';
import { parseDescriptor } from '../parse';
import { dpdsFormat } from '.';

const FOLDER = 'dpds';
const entries = corpusEntriesIn(FOLDER);
const examples = entries.filter(e => e.validAgainstOfficialSchema !== 'n/a');
const read = (file: string) => parseDescriptor(readCorpusFile(file));

// The official schema, used here only to check our hand-written rules against it. Its
// own formats (version, fqn, name, alphanumeric) are not defined anywhere; JSON Schema
// tools ignore unknown formats, and so does this check.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
for (const format of ['version', 'fqn', 'name', 'alphanumeric']) {
  ajv.addFormat(format, true);
}
const official = ajv.compile(
  JSON.parse(
    readCorpusFile(
      `${FOLDER}/odm-specification-dpdescriptor__schemas__v1.0.0__schema.json`,
    ),
  ),
);

type Verdict = 'not a descriptor' | 'valid' | 'valid with warnings' | 'invalid';

/** Our verdict on a document, in the words of SOURCES.tsv's column. */
function ourVerdict(document: unknown): Verdict {
  if (!dpdsFormat.detect(document)) {
    return 'not a descriptor';
  }
  const result = dpdsFormat.validate(document);
  if (!result.valid) {
    return 'invalid';
  }
  return result.warnings.length > 0 ? 'valid with warnings' : 'valid';
}

/**
 * yes: valid (no DPDS example needs a warning); no: invalid. n/a: the schemas, and the
 * ports, apps and infrastructure a descriptor references, which have no
 * dataProductDescriptor marker and are not descriptors.
 */
const ACCEPTABLE: Record<string, Verdict[]> = {
  'n/a': ['not a descriptor'],
  yes: ['valid'],
  no: ['invalid'],
};

describe('DPDS corpus', () => {
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

  it.each(examples.map(e => [e.file]))('%s: detected as DPDS 1.0.0', file => {
    expect(dpdsFormat.detect(read(file))).toEqual({
      standard: 'dpds',
      declaredVersion: '1.0.0',
    });
  });

  it.each(examples.map(e => [e.file]))(
    '%s: no other format of the registry claims it first',
    file => {
      expect(detectDescriptor(read(file))?.format.standard).toBe('dpds');
    },
  );

  it('reports the agreement count', () => {
    // eslint-disable-next-line no-console
    console.info(
      `DPDS: ${agreeing.length}/${entries.length} corpus files agree with SOURCES.tsv (${examples.length} descriptors)`,
    );
    expect(agreeing.length).toBe(entries.length);
  });

  it('SOURCES.tsv agrees with the official 1.0.0 schema', () => {
    for (const entry of examples) {
      expect([entry.file, official(read(entry.file))]).toEqual([
        entry.file,
        entry.validAgainstOfficialSchema === 'yes',
      ]);
    }
  });

  it('refuses the minimal example, which has no info.name, saying so', () => {
    const result = dpdsFormat.validate(
      read(
        `${FOLDER}/odm-specification-dpdescriptor__examples__minimal.dpd.json`,
      ),
    );
    expect(result).toMatchObject({
      valid: false,
      declaredVersion: '1.0.0',
      validatedAs: '1.0.0',
    });
    expect(result.errors).toEqual([
      { path: 'info.name', message: 'required: expected a string' },
    ]);
  });

  it('every accepted file converts into valid entities', async () => {
    let converted = 0;
    for (const entry of examples) {
      const text = readCorpusFile(entry.file);
      const document = parseDescriptor(text);
      if (!dpdsFormat.validate(document).valid) {
        continue;
      }
      const { entities } = dpdsFormat.convert(document, {
        rawText: text,
        sourceLocation: `url:https://example.com/${entry.file}`,
      });
      expect(entities).toHaveLength(1);
      await assertValidEntities(entities);
      converted += 1;
    }
    expect(converted).toBe(
      examples.filter(e => e.validAgainstOfficialSchema === 'yes').length,
    );
  });
});

const inlinePort = {
  name: 'leases',
  version: '1.0.0',
  promises: {
    platform: 'aws:redshift',
    api: {
      name: 'leasesApi',
      version: '1.0.0',
      specification: 'datastoreapi',
      definition: { $ref: 'leases-api.json' },
    },
  },
};

/** Small changes to the real examples, each judged by the official schema and by ours. */
const MUTATIONS: Array<[string, (d: any) => void]> = [
  ['without info.name', d => delete d.info.name],
  ['without info.version', d => delete d.info.version],
  ['without info.domain', d => delete d.info.domain],
  ['without info.owner', d => delete d.info.owner],
  ['without info.owner.id', d => delete d.info.owner.id],
  ['without info.fullyQualifiedName', d => delete d.info.fullyQualifiedName],
  ['with a numeric info.name', d => (d.info.name = 5)],
  ['with an info.id that is not a UUID', d => (d.info.id = 'trip-1')],
  [
    'with an info.id that is a UUID',
    d => (d.info.id = '0b5a35c2-52ae-4b3b-9d1c-3a8b2f0e6f11'),
  ],
  [
    'with x- and unknown fields',
    d => Object.assign(d.info, { 'x-a': 1, b: 2 }),
  ],
  ['without outputPorts', d => delete d.interfaceComponents.outputPorts],
  [
    'with outputPorts as an object',
    d => (d.interfaceComponents.outputPorts = {}),
  ],
  [
    'with a port that is neither a reference nor complete',
    d => (d.interfaceComponents.outputPorts = [{ description: 'x' }]),
  ],
  [
    'with a port that is both a reference and complete',
    d =>
      (d.interfaceComponents.outputPorts = [
        { $ref: 'ports/x.json', name: 'x', version: '1.0.0' },
      ]),
  ],
  [
    'with a reference that is not text',
    d => (d.interfaceComponents.outputPorts = [{ $ref: 5 }]),
  ],
  [
    'with a reference with a space',
    d => (d.interfaceComponents.outputPorts = [{ $ref: 'my port.json' }]),
  ],
  [
    'with a complete inline port',
    d => (d.interfaceComponents.outputPorts = [inlinePort]),
  ],
  [
    'with promises given as a reference',
    d =>
      (d.interfaceComponents.outputPorts = [
        { ...inlinePort, promises: { $ref: 'promises.json' } },
      ]),
  ],
  [
    'with an API without definition',
    d =>
      (d.interfaceComponents.outputPorts = [
        {
          ...inlinePort,
          promises: {
            api: { name: 'a', version: '1', specification: 'openapi' },
          },
        },
      ]),
  ],
  [
    'with an API definition that is a number',
    d =>
      (d.interfaceComponents.outputPorts = [
        {
          ...inlinePort,
          promises: {
            api: {
              name: 'a',
              version: '1',
              specification: 'openapi',
              definition: 5,
            },
          },
        },
      ]),
  ],
  [
    'with an API definition written inline as text',
    d =>
      (d.interfaceComponents.outputPorts = [
        {
          ...inlinePort,
          promises: {
            api: {
              name: 'a',
              version: '1',
              specification: 'openapi',
              definition: 'openapi: 3.0.0',
            },
          },
        },
      ]),
  ],
  [
    'with an SLA without specification',
    d =>
      (d.interfaceComponents.outputPorts = [
        {
          ...inlinePort,
          obligations: { sla: { name: 's', version: '1', definition: {} } },
        },
      ]),
  ],
  ['with docs without $href', d => (d.externalDocs = { description: 'x' })],
  [
    'with docs whose $href is not a URI',
    d => (d.externalDocs = { $href: 'x y' }),
  ],
  ['with numeric tags', d => (d.tags = [1])],
  [
    'with contact points',
    d =>
      (d.info.contactPoints = [
        { name: 'team', address: 'mailto:t@example.com' },
      ]),
  ],
  [
    'with a lifecycle task whose order is text',
    d =>
      (d.internalComponents = {
        lifecycleInfo: { prod: [{ name: 'deploy', order: 'first' }] },
      }),
  ],
  [
    'with lifecycle configurations given as a reference',
    d =>
      (d.internalComponents = {
        lifecycleInfo: { prod: [{ configurations: { $ref: 'c.json' } }] },
      }),
  ],
  [
    'with an application component without version',
    d => (d.internalComponents = { applicationComponents: [{ name: 'app' }] }),
  ],
  [
    'with reusable components',
    d =>
      (d.components = {
        outputPorts: { leases: inlinePort, other: { $ref: '#/x' } },
      }),
  ],
  [
    'with a reusable component that is not a port',
    d => (d.components = { outputPorts: { leases: { name: 'l' } } }),
  ],
  ['with a numeric dataProductDescriptor', d => (d.dataProductDescriptor = 1)],
];

describe('DPDS rules agree with the official schema on variations of the examples', () => {
  const cases = examples.flatMap(entry =>
    MUTATIONS.map(([label, mutate]) => [entry.file, label, mutate] as const),
  );
  it.each(cases)('%s %s', (file, _label, mutate) => {
    const document = read(file) as any;
    mutate(document);
    expect(dpdsFormat.validate(document).valid).toBe(official(document));
  });
});
