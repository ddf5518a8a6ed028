import { parseAllDocuments } from 'yaml';
import { corpusFiles, readCorpusFile } from '../../testUtils/corpus';
import { detectOdcs } from './detect';

/** Every document of a corpus file (Backstage files hold several). */
function documentsOf(file: string): unknown[] {
  return parseAllDocuments(readCorpusFile(file), { schema: 'core' })
    .filter(document => document.contents !== null)
    .map(document => document.toJS({ maxAliasCount: 100 }));
}

describe('detectOdcs', () => {
  it('recognises a v3 contract by its kind and apiVersion', () => {
    expect(
      detectOdcs({ apiVersion: 'v3.1.0', kind: 'DataContract', id: 'x' }),
    ).toEqual({ standard: 'odcs', declaredVersion: 'v3.1.0' });
  });

  it('recognises v2 contracts, with or without a version', () => {
    expect(
      detectOdcs({ kind: 'DataContract', uuid: 'x', dataset: [] }),
    ).toEqual({ standard: 'odcs', declaredVersion: '' });
    expect(
      detectOdcs({
        kind: 'managedDataset',
        standardVersion: '2.2.0',
        dataset: {},
      }),
    ).toEqual({ standard: 'odcs', declaredVersion: '2.2.0' });
  });

  it('recognises an ODCS v3 apiVersion with a wrong kind, so the kind is reported', () => {
    expect(detectOdcs({ apiVersion: 'v3.2.0', kind: 'DataModel' })).toEqual({
      standard: 'odcs',
      declaredVersion: 'v3.2.0',
    });
  });

  it.each([
    ['an ODPS product', { apiVersion: 'v1.0.0', kind: 'DataProduct', id: 'x' }],
    [
      'an ODPS product with a v3 version',
      { apiVersion: 'v3.0.0', kind: 'DataProduct' },
    ],
    ['a DCS contract', { dataContractSpecification: '1.1.0', id: 'x' }],
    ['a DPDS descriptor', { dataProductDescriptor: '1.0.0' }],
    [
      'a suite DataProduct',
      { apiVersion: 'datamesh/v1alpha1', kind: 'DataProduct' },
    ],
    [
      'a Backstage component',
      { apiVersion: 'backstage.io/v1alpha1', kind: 'Component' },
    ],
    ['null', null],
    ['a string', 'kind: DataContract'],
    ['a list', [{ kind: 'DataContract' }]],
  ])('ignores %s', (_label, document) => {
    expect(detectOdcs(document)).toBeUndefined();
  });

  it('ignores every document of the other standards in the corpus', () => {
    let checked = 0;
    for (const folder of ['odps', 'dcs', 'dpds', 'backstage']) {
      for (const file of corpusFiles(folder)) {
        for (const document of documentsOf(file)) {
          expect({ file, detected: detectOdcs(document) }).toEqual({
            file,
            detected: undefined,
          });
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
