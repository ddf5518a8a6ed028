import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

/**
 * The shared corpus of real descriptors and official schemas, beside the repository
 * (`../shared/corpus`), or where DATAMESH_CORPUS_DIR points. Tests read the files as they
 * are; none are copied into the project.
 */
export const corpusDir =
  process.env.DATAMESH_CORPUS_DIR ??
  resolve(__dirname, '../../../../../shared/corpus');

/** One row of corpus/SOURCES.tsv. */
export interface CorpusEntry {
  /** Path under the corpus folder, e.g. `odcs/open-data-contract-standard__...yaml`. */
  file: string;
  detectedVersion: string;
  kind: string;
  role: string;
  /** `yes`, `no` or `n/a` (schemas, referenced parts, files without a schema to check). */
  validAgainstOfficialSchema: 'yes' | 'no' | 'n/a';
}

export function corpusEntries(): CorpusEntry[] {
  const [header, ...rows] = readFileSync(join(corpusDir, 'SOURCES.tsv'), 'utf8')
    .split(/\r?\n/)
    .filter(line => line.trim() !== '');
  const columns = header.split('\t');
  const column = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) {
      throw new Error(`SOURCES.tsv has no column ${name}`);
    }
    return index;
  };
  const [file, version, kind, role, valid] = [
    'file',
    'detected_version',
    'kind',
    'role',
    'valid_against_official_schema',
  ].map(column);
  return rows.map(row => {
    const cells = row.split('\t');
    return {
      file: cells[file],
      detectedVersion: cells[version],
      kind: cells[kind],
      role: cells[role],
      validAgainstOfficialSchema: cells[
        valid
      ] as CorpusEntry['validAgainstOfficialSchema'],
    };
  });
}

export function readCorpusFile(file: string): string {
  return readFileSync(join(corpusDir, file), 'utf8');
}

/** Files of one corpus folder, e.g. `corpusFiles('odcs')`. */
export function corpusFiles(folder: string): string[] {
  return readdirSync(join(corpusDir, folder)).map(name => `${folder}/${name}`);
}

/** The SOURCES.tsv rows of one corpus folder, e.g. `corpusEntriesIn('odps')`. */
export function corpusEntriesIn(folder: string): CorpusEntry[] {
  return corpusEntries().filter(entry => entry.file.startsWith(`${folder}/`));
}
