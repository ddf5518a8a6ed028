import type { Entity } from '@backstage/catalog-model';
import { assertValidEntities } from '../../testUtils/entities';
import { officialVerdict } from './__testUtils__/officialSchema';
import { richContract, RICH_VERSIONS } from './__testUtils__/richContracts';
import { dcsFormat } from '.';

/*
 * Beyond the corpus: contracts of our own that use every part of each version, changed one
 * value at a time (wrong types, nulls, removed fields, neighbouring vocabulary). For each
 * change our verdict must agree with the official schema of the declared version; where we
 * accept what it refuses, the document must pass the official schema of the newer version
 * our warning names (the suite's version policy).
 */

type Path = Array<string | number>;

const REMOVE = Symbol('remove');
const ANY_VALUE: unknown[] = [null, 'text', 5, 1.5, true, [], {}, REMOVE];
/** Tried where the specification has a closed list or a pattern. */
const WORDS: unknown[] = [
  'view',
  'topic',
  'time',
  'map',
  'json',
  'gcs',
  'BigQuery',
  'clickhouse',
  'ftp',
  'sql',
  'library',
  'custom',
  'streaming',
  'hourly',
  'great-expectations',
  'avro',
  'orc',
  'sftp://host/path',
  '99 %',
];
const CLOSED_FIELDS = new Set([
  'type',
  'format',
  'delimiter',
  'percentage',
  'location',
]);

function paths(value: unknown, path: Path = [], found: Path[] = []): Path[] {
  if (path.length > 0) {
    found.push(path);
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => paths(item, [...path, index], found));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      paths(item, [...path, key], found);
    }
  }
  return found;
}

function changed(document: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(document) as Record<string | number, any>;
  const parent = path.slice(0, -1).reduce((node, key) => node[key], copy);
  const last = path[path.length - 1];
  if (value !== REMOVE) {
    parent[last] = structuredClone(value);
  } else if (Array.isArray(parent)) {
    parent.splice(last as number, 1);
  } else {
    delete parent[last];
  }
  return copy;
}

describe('agreement with the official schemas, value by value', () => {
  it.each(RICH_VERSIONS.map(v => [v]))(
    '%s',
    async version => {
      const original = richContract(version);
      expect(dcsFormat.validate(original)).toMatchObject({
        valid: true,
        warnings: [],
      });
      expect(officialVerdict(original, version)).toBe(true);

      const disagreements: string[] = [];
      const converted: Entity[] = [];
      let refused = 0;
      let rescued = 0;
      let tried = 0;
      for (const path of paths(original)) {
        if (path[0] === 'dataContractSpecification') {
          continue;
        }
        const last = path[path.length - 1];
        const values =
          typeof last === 'string' && CLOSED_FIELDS.has(last)
            ? [...ANY_VALUE, ...WORDS]
            : ANY_VALUE;
        for (const value of values) {
          const document = changed(original, path, value);
          const ours = dcsFormat.validate(document);
          const official = officialVerdict(document, version);
          tried += 1;
          refused += official ? 0 : 1;
          const followsNewer =
            ours.valid &&
            !official &&
            ours.validatedAs !== version &&
            officialVerdict(document, ours.validatedAs!) === true;
          rescued += followsNewer ? 1 : 0;
          const agrees = ours.valid === official || followsNewer;
          if (ours.valid) {
            converted.push(
              ...dcsFormat.convert(document, {
                rawText: JSON.stringify(document),
              }).entities,
            );
          }
          if (!agrees) {
            disagreements.push(
              `${path.join('.')} = ${String(
                value === REMOVE ? '(removed)' : JSON.stringify(value),
              )}: ours ${ours.valid}, official ${official}`,
            );
          }
        }
      }
      // eslint-disable-next-line no-console
      console.info(
        `DCS ${version}: ${
          tried - disagreements.length
        } of ${tried} changed documents agree (${refused} refused by the official schema)`,
      );
      expect(disagreements).toEqual([]);
      expect(refused).toBeGreaterThan(tried / 3);
      // Whatever we accept converts into valid entities.
      expect(converted.length).toBe(tried - refused + rescued);
      await assertValidEntities(converted);
    },
    60_000,
  );
});
