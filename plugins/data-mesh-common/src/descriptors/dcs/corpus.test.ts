import { corpusEntries, readCorpusFile } from '../../testUtils/corpus';
import { assertValidEntities } from '../../testUtils/entities';
import { parseDescriptor } from '../parse';
import { officialVerdict } from './__testUtils__/officialSchema';
import { dcsFormat } from '.';

/*
 * Every Data Contract Specification file of the corpus: our verdict must agree with the
 * official schema's (SOURCES.tsv, `valid_against_official_schema`), and every file we accept
 * must become valid catalog entities.
 */

const entries = corpusEntries().filter(
  entry =>
    entry.file.startsWith('dcs/') && entry.validAgainstOfficialSchema !== 'n/a',
);

/** The policy's warning for a document that only passes a newer version's rules. */
const FOLLOWS_NEWER_VERSION = /but follows the rules of/;

/** Our verdict, in the terms of the agreement rule. */
function verdictOn(file: string): string {
  const result = dcsFormat.validate(parseDescriptor(readCorpusFile(file)));
  if (!result.valid) {
    return 'refused';
  }
  return result.warnings.some(w => FOLLOWS_NEWER_VERSION.test(w.message))
    ? 'accepted following a newer version'
    : 'accepted';
}

/** `yes` → accepted (warnings allowed); `no` → refused, or accepted only as following a newer version. */
const AGREEING_VERDICTS: Record<string, RegExp> = {
  yes: /^accepted/,
  no: /^(refused|accepted following a newer version)$/,
};

const agreed: string[] = [];
const rescuedByNewerVersion: string[] = [];
const accepted = entries.filter(entry => verdictOn(entry.file) !== 'refused');

describe('Data Contract Specification corpus', () => {
  afterAll(() => {
    const rescued = rescuedByNewerVersion.length
      ? `accepted with the newer-version warning: ${rescuedByNewerVersion.join(
          ', ',
        )}`
      : 'none needed the newer-version warning';
    // eslint-disable-next-line no-console
    console.info(
      `DCS corpus: our verdict agrees with the official schema for ${agreed.length} of ${entries.length} files; ${rescued}`,
    );
  });

  it('has the files of every version', () => {
    const versions = new Set(entries.map(e => e.detectedVersion));
    expect([...versions].sort()).toEqual([
      '0.9.0',
      '0.9.1',
      '0.9.2',
      '0.9.3',
      '1.1.0',
      '1.2.0',
      '1.2.1',
    ]);
  });

  it.each(entries.map(e => [e.file, e] as const))(
    '%s: verdict agrees with the official schema',
    (file, entry) => {
      const document = parseDescriptor(readCorpusFile(file));
      expect(dcsFormat.detect(document)).toEqual({
        standard: 'dcs',
        declaredVersion: entry.detectedVersion,
      });
      const result = dcsFormat.validate(document);
      const verdict = verdictOn(file);
      // On failure, the errors show in the received value.
      expect({ verdict, errors: result.errors }).toMatchObject({
        verdict: expect.stringMatching(
          AGREEING_VERDICTS[entry.validAgainstOfficialSchema],
        ),
      });
      agreed.push(file);
      if (verdict === 'accepted following a newer version') {
        rescuedByNewerVersion.push(file);
      }
    },
  );

  it.each(entries.map(e => [e.file, e] as const))(
    '%s: the recorded verdict is what the official schema says (ajv)',
    (_file, entry) => {
      const document = parseDescriptor(readCorpusFile(entry.file));
      expect(officialVerdict(document, entry.detectedVersion)).toBe(
        entry.validAgainstOfficialSchema === 'yes',
      );
    },
  );

  it('accepts every file the official schema accepts', () => {
    const officiallyValid = entries
      .filter(e => e.validAgainstOfficialSchema === 'yes')
      .map(e => e.file);
    expect(officiallyValid.length).toBeGreaterThan(0);
    expect(accepted.map(e => e.file)).toEqual(
      expect.arrayContaining(officiallyValid),
    );
  });

  it.each(accepted.map(e => [e.file, e] as const))(
    '%s: converts into valid entities',
    async (file, entry) => {
      const text = readCorpusFile(file);
      const document = parseDescriptor(text);
      const result = dcsFormat.convert(document, {
        rawText: text,
        sourceLocation: `file:/corpus/${file}`,
        defaultOwner: 'group:default/data-platform',
      });
      expect(result.entities).toHaveLength(1);
      const [entity] = result.entities;
      expect(entity.kind).toBe('API');
      expect(entity.spec?.type).toBe('data-contract');
      expect(entity.spec?.definition).toBe(text);
      expect(entity.metadata.annotations).toMatchObject({
        'datamesh/descriptor-standard': 'dcs',
        'datamesh/descriptor-version': entry.detectedVersion,
        'backstage.io/source-location': `file:/corpus/${file}`,
      });
      await assertValidEntities(result.entities);
    },
  );
});
