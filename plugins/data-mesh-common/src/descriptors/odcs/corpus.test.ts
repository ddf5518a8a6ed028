import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseDescriptor } from '../parse';
import { parseVersion } from '../versions';
import {
  corpusDir,
  corpusEntries,
  corpusFiles,
  readCorpusFile,
} from '../../testUtils/corpus';
import { assertValidEntities } from '../../testUtils/entities';
import { odcsFormat } from '.';

const FOLDERS = ['odcs', 'odcs-v3.2.0-dev', 'odcs-negative', 'odcs-v2'];

/** The official schemas, used here only to learn which version a file really follows. */
const OFFICIAL_SCHEMAS: Record<string, string> = {
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

function officialValidators() {
  return Object.entries(OFFICIAL_SCHEMAS).map(([version, file]) => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(join(corpusDir, file), 'utf8'));
    return { version, validate: ajv.compile(schema) };
  });
}

const folderOf = (file: string) => file.split('/')[0];

/**
 * The pipeline's steps for one file (parse, detect, validate), without the other formats:
 * a document this format does not detect is refused by the pipeline as no supported standard.
 */
function read(text: string) {
  const document = parseDescriptor(text);
  const detected = odcsFormat.detect(document);
  const validation = detected ? odcsFormat.validate(document) : undefined;
  return {
    document,
    detected,
    validation,
    errors: validation
      ? validation.errors
      : [{ path: '', message: 'not a descriptor of a supported standard' }],
    warnings: validation?.warnings ?? [],
  };
}

const documents = corpusEntries().filter(
  e => FOLDERS.includes(folderOf(e.file)) && e.role !== 'schema',
);

describe('ODCS corpus', () => {
  it('covers every file of the ODCS corpus folders', () => {
    const listed = new Set(corpusEntries().map(e => e.file));
    for (const folder of FOLDERS) {
      for (const file of corpusFiles(folder)) {
        expect(listed.has(file)).toBe(true);
      }
    }
    expect(documents.length).toBeGreaterThan(80);
  });

  it("agrees with the official schema's verdict on every file", () => {
    const official = officialValidators();
    const agreement = new Map<string, { agree: number; total: number }>();
    const newerVersionWarnings: string[] = [];
    const disagreements: string[] = [];

    for (const entry of documents) {
      const text = readCorpusFile(entry.file);
      const result = read(text);
      const accepted = result.errors.length === 0;
      const warnedNewer = result.warnings.some(w =>
        /follows the rules of/.test(w.message),
      );

      let agrees: boolean;
      if (entry.validAgainstOfficialSchema === 'yes') {
        agrees = accepted && !warnedNewer;
      } else if (entry.validAgainstOfficialSchema === 'no') {
        // Refused, or accepted only because it follows a newer version of the same
        // major, which the official schemas confirm.
        const document = result.document as Record<string, unknown>;
        const declared = parseVersion(String(document.apiVersion ?? ''));
        const newerPassing = official.find(o => {
          const version = parseVersion(o.version)!;
          return (
            declared !== undefined &&
            version[0] === declared[0] &&
            (version[1] - declared[1] || version[2] - declared[2]) > 0 &&
            o.validate(document) === true
          );
        });
        if (newerPassing) {
          agrees =
            accepted &&
            result.validation?.validatedAs === newerPassing.version &&
            warnedNewer;
          newerVersionWarnings.push(
            `${entry.file} (declares ${document.apiVersion}, follows ${newerPassing.version})`,
          );
        } else {
          agrees = !accepted;
        }
      } else {
        // n/a: the negative tests the official schemas cannot judge (unknown major, other kind).
        agrees = !accepted;
      }

      const folder = folderOf(entry.file);
      const counts = agreement.get(folder) ?? { agree: 0, total: 0 };
      counts.total += 1;
      counts.agree += agrees ? 1 : 0;
      agreement.set(folder, counts);
      if (!agrees) {
        disagreements.push(
          `${entry.file}: official ${entry.validAgainstOfficialSchema}, ours ${
            accepted ? 'accepted' : 'refused'
          }: ${JSON.stringify(
            [...result.errors, ...result.warnings].slice(0, 5),
          )}`,
        );
      }
    }

    // eslint-disable-next-line no-console
    console.info(
      [
        'ODCS corpus agreement with the official schemas:',
        ...[...agreement].map(
          ([folder, c]) => `  ${folder}: ${c.agree}/${c.total}`,
        ),
        'accepted with the newer-version warning:',
        ...newerVersionWarnings.map(f => `  ${f}`),
      ].join('\n'),
    );
    expect(disagreements).toEqual([]);
  });

  it('refuses the unknown major version and the other kind of the negative tests', () => {
    const apiVersion = read(
      readCorpusFile(
        'odcs-negative/open-data-contract-standard__src__script__negative-tests__invalid-api-version.odcs.yaml',
      ),
    );
    expect(apiVersion.errors).toEqual([
      {
        path: 'apiVersion',
        message: expect.stringMatching(
          /^version v4\.0\.0 is not supported: the suite reads major versions 2, 3 \(/,
        ),
      },
    ]);

    const kind = read(
      readCorpusFile(
        'odcs-negative/open-data-contract-standard__src__script__negative-tests__invalid-kind.odcs.yaml',
      ),
    );
    expect(kind.detected?.standard).toBe('odcs');
    expect(kind.errors).toEqual([
      { path: 'kind', message: 'expected "DataContract", got "DataModel"' },
    ]);
  });

  it('converts every accepted file into valid entities', async () => {
    let converted = 0;
    for (const entry of documents) {
      const text = readCorpusFile(entry.file);
      const document = parseDescriptor(text);
      if (!odcsFormat.validate(document).valid) {
        continue;
      }
      const { entities } = odcsFormat.convert(document, {
        rawText: text,
        sourceLocation: `file:${join(corpusDir, entry.file)}`,
      });
      expect(entities).toHaveLength(1);
      await assertValidEntities(entities);
      converted += 1;
    }
    expect(converted).toBeGreaterThan(40);
  });
});
