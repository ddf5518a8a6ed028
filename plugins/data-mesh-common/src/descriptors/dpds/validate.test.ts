import { readCorpusFile } from '../../testUtils/corpus';
import { parseDescriptor } from '../parse';
import { readDescriptor } from '../readDescriptor';
import { dpdsFormat } from '.';

const minimal = {
  dataProductDescriptor: '1.0.0',
  info: {
    fullyQualifiedName: 'urn:dpds:premium-offices:dataproducts:leases:1',
    name: 'leases',
    version: '1.0.0',
    domain: 'Brokerage',
    owner: { id: 'brokerage-data' },
  },
  interfaceComponents: { outputPorts: [] },
};

describe('DPDS detection', () => {
  it('recognises the dataProductDescriptor marker', () => {
    expect(dpdsFormat.detect(minimal)).toEqual({
      standard: 'dpds',
      declaredVersion: '1.0.0',
    });
  });

  it.each([
    'tripexecution__ports__trip-status-oport.json',
    'tripexecution__ports__trip-tms-iport.json',
    'tripexecution__apps__cdc-ingestion-app.json',
    'tripexecution__infra__event-store.json',
    'tripexecution__ports__health-obport-api.yaml',
  ])('does not take the referenced part %s for a descriptor', file => {
    const text = readCorpusFile(
      `dpds/odm-specification-dpdescriptor__examples__${file}`,
    );
    expect(dpdsFormat.detect(parseDescriptor(text))).toBeUndefined();
  });

  it.each([
    ['an ODPS product', { apiVersion: 'v1.0.0', kind: 'DataProduct', id: 'x' }],
    ['an ODCS contract', { apiVersion: 'v3.0.2', kind: 'DataContract' }],
    ['a DCS contract', { dataContractSpecification: '1.1.0' }],
    [
      "the suite's DataProduct kind",
      { apiVersion: 'datamesh/v1alpha1', kind: 'DataProduct' },
    ],
    ['null', null],
    ['a string', 'dataProductDescriptor: 1.0.0'],
    ['a list', [minimal]],
  ])('does not detect %s', (_label, document) => {
    expect(dpdsFormat.detect(document)).toBeUndefined();
  });
});

describe('DPDS validation of bad input', () => {
  it('accepts the minimal shape with a name', () => {
    expect(dpdsFormat.validate(minimal)).toMatchObject({
      valid: true,
      errors: [],
      warnings: [],
    });
  });

  it('refuses an unknown major version, saying which it reads', () => {
    const result = dpdsFormat.validate({
      ...minimal,
      dataProductDescriptor: '2.0.0',
    });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: 'dataProductDescriptor',
        message:
          'version 2.0.0 is not supported: the suite reads major version 1 (1.0.0)',
      },
    ]);
  });

  it('reads a newer minor version by the 1.0.0 rules with a warning', () => {
    const result = dpdsFormat.validate({
      ...minimal,
      dataProductDescriptor: '1.1.0',
    });
    expect(result).toMatchObject({ valid: true, validatedAs: '1.0.0' });
    expect(result.warnings[0].message).toContain('newer than the suite knows');
  });

  it('reports a wrong type with its path and what was expected', () => {
    const result = dpdsFormat.validate({
      ...minimal,
      interfaceComponents: {
        outputPorts: [{ name: 'leases', version: 1 }],
      },
    });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: 'interfaceComponents.outputPorts[0].version',
        message: 'expected a string, got the number 1',
      },
    ]);
  });

  it('reports a missing marker value and a marker of the wrong type', () => {
    expect(
      dpdsFormat.validate({ ...minimal, dataProductDescriptor: { v: 1 } })
        .errors,
    ).toEqual([
      {
        path: 'dataProductDescriptor',
        message: 'expected a version such as 1.0.0, got an object',
      },
    ]);
    const { dataProductDescriptor: _, ...withoutMarker } = minimal;
    expect(dpdsFormat.validate(withoutMarker).errors).toEqual([
      {
        path: 'dataProductDescriptor',
        message: 'required: expected a version such as 1.0.0',
      },
    ]);
  });

  it.each([
    ['null', null, 'got null'],
    ['a string', 'dataProductDescriptor: 1.0.0', 'got "dataProductDescriptor'],
    ['a list', [minimal], 'got a list'],
    ['a boolean', true, 'got true'],
  ])('refuses %s without throwing', (_label, document, got) => {
    const result = dpdsFormat.validate(document);
    expect(result.valid).toBe(false);
    expect(result.errors[0].path).toBe('');
    expect(result.errors[0].message).toContain(got);
  });

  it('refuses the minimal corpus example through readDescriptor, with the reason', () => {
    const result = readDescriptor(
      readCorpusFile(
        'dpds/odm-specification-dpdescriptor__examples__minimal.dpd.json',
      ),
    );
    expect(result.detected?.standard).toBe('dpds');
    expect(result.entities).toEqual([]);
    expect(result.errors).toEqual([
      { path: 'info.name', message: 'required: expected a string' },
    ]);
  });
});
