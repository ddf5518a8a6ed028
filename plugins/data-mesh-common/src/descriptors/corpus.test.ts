import { corpusEntries, readCorpusFile } from '../testUtils/corpus';
import { assertValidEntities } from '../testUtils/entities';
import { looksLikeDescriptor } from './looksLikeDescriptor';
import { readDescriptor } from './readDescriptor';

/**
 * Every file of the shared corpus through the whole pipeline the catalog and the CLI use
 * (parse, recognise among all four standards, validate, convert), against the official
 * schemas' verdicts recorded in corpus/SOURCES.tsv.
 */
const entries = corpusEntries().filter(entry => entry.role !== 'schema');
const descriptors = entries.filter(
  entry => !entry.file.startsWith('backstage/'),
);
const backstageEntities = entries.filter(entry =>
  entry.file.startsWith('backstage/'),
);

/** What the suite says of a file: accepted, accepted as following a newer version, refused. */
function verdictOf(file: string) {
  const result = readDescriptor(readCorpusFile(file), {
    sourceLocation: `file:/corpus/${file}`,
  });
  const followsNewer = result.warnings.some(w =>
    w.message.includes('follows the rules of'),
  );
  return { result, accepted: result.errors.length === 0, followsNewer };
}

function agrees(
  official: string,
  role: string,
  verdict: ReturnType<typeof verdictOf>,
): boolean {
  if (official === 'yes') {
    return verdict.accepted;
  }
  if (official === 'no') {
    // Refused, or accepted because it follows a newer version of its standard, with the
    // warning that says so (the suite's version policy).
    return !verdict.accepted || verdict.followsNewer;
  }
  // n/a: negative tests and referenced parts of a descriptor are not descriptors to accept.
  return role.startsWith('negative') || role.startsWith('referenced')
    ? !verdict.accepted
    : true;
}

describe('the shared corpus', () => {
  it('gets the official verdict for every descriptor file', async () => {
    const disagreements: string[] = [];
    const accepted: ReturnType<typeof verdictOf>['result'][] = [];
    for (const entry of descriptors) {
      const verdict = verdictOf(entry.file);
      if (!agrees(entry.validAgainstOfficialSchema, entry.role, verdict)) {
        disagreements.push(
          `${entry.file}: official ${entry.validAgainstOfficialSchema}, suite ${
            verdict.accepted
              ? 'accepted'
              : `refused (${verdict.result.errors[0]?.message})`
          }`,
        );
      }
      if (verdict.accepted) {
        accepted.push(verdict.result);
      }
    }
    for (const result of accepted) {
      await assertValidEntities(result.entities);
    }
    expect(accepted.filter(result => result.entities.length === 0)).toEqual([]);
    // The count is part of what this test reports (see the closing notes of the issue).
    // eslint-disable-next-line no-console
    console.info(
      `corpus: ${descriptors.length - disagreements.length}/${
        descriptors.length
      } descriptor files agree with the official schemas' verdicts`,
    );
    expect(disagreements).toEqual([]);
  });

  it('leaves every Backstage entity file to the catalog', () => {
    const taken = backstageEntities.filter(entry =>
      looksLikeDescriptor(readCorpusFile(entry.file)),
    );
    expect(taken.map(entry => entry.file)).toEqual([]);
    expect(backstageEntities.length).toBeGreaterThan(30);
  });

  it('refuses every negative example', () => {
    const negatives = entries.filter(entry =>
      entry.role.startsWith('negative'),
    );
    expect(negatives.length).toBe(28);
    for (const entry of negatives) {
      expect({
        file: entry.file,
        accepted: verdictOf(entry.file).accepted,
      }).toEqual({
        file: entry.file,
        accepted: false,
      });
    }
  });
});
