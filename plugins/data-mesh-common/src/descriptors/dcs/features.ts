/**
 * The published versions of the Data Contract Specification (datacontract.com) and the
 * vocabularies that changed between them. The rules in schemas.ts, servers.ts and
 * quality.ts ask `since(version, ...)` instead of keeping one copy per version, so each
 * difference between versions is written down once.
 */

/** Versions the suite knows, oldest first. There was never a 1.0.0. */
export const DCS_VERSIONS = [
  '0.9.0',
  '0.9.1',
  '0.9.2',
  '0.9.3',
  '1.1.0',
  '1.2.0',
  '1.2.1',
] as const;

export type DcsVersion = (typeof DCS_VERSIONS)[number];

/** The field that marks a document as a data contract of this standard. */
export const DCS_MARKER = 'dataContractSpecification';

/** True when `version` is `first` or a later version. */
export function since(version: DcsVersion, first: DcsVersion): boolean {
  return DCS_VERSIONS.indexOf(version) >= DCS_VERSIONS.indexOf(first);
}

/** True when `version` is `last` or an earlier version. */
export function until(version: DcsVersion, last: DcsVersion): boolean {
  return DCS_VERSIONS.indexOf(version) <= DCS_VERSIONS.indexOf(last);
}

/** Logical field types, in the order the specification lists them, with the version that added each. */
const FIELD_TYPES: ReadonlyArray<[string, DcsVersion]> = [
  ['number', '0.9.1'],
  ['decimal', '0.9.1'],
  ['numeric', '0.9.1'],
  ['int', '0.9.1'],
  ['integer', '0.9.1'],
  ['long', '0.9.1'],
  ['bigint', '0.9.1'],
  ['float', '0.9.1'],
  ['double', '0.9.1'],
  ['string', '0.9.1'],
  ['text', '0.9.1'],
  ['varchar', '0.9.1'],
  ['boolean', '0.9.1'],
  ['timestamp', '0.9.1'],
  ['timestamp_tz', '0.9.1'],
  ['timestamp_ntz', '0.9.1'],
  ['date', '0.9.1'],
  ['time', '1.2.0'],
  ['array', '0.9.1'],
  ['map', '0.9.3'],
  ['object', '0.9.1'],
  ['record', '0.9.1'],
  ['struct', '0.9.1'],
  ['bytes', '0.9.1'],
  ['variant', '1.2.0'],
  ['json', '1.2.0'],
  ['null', '0.9.1'],
];

export function fieldTypes(version: DcsVersion): string[] {
  return FIELD_TYPES.filter(([, added]) => since(version, added)).map(
    ([type]) => type,
  );
}

/** `models.<name>.type`; free text in 0.9.1, this list from 0.9.2 on. */
export const MODEL_TYPES = ['table', 'view', 'object'];

/** `quality[].type` of models and fields, from 1.1.0 on. */
export const QUALITY_TYPES = ['text', 'library', 'sql', 'custom'];

/** The contract-wide `quality` block of 0.9.x. */
export function legacyQualityTypes(version: DcsVersion): string[] {
  return since(version, '0.9.3')
    ? ['SodaCL', 'montecarlo', 'great-expectations', 'custom']
    : ['SodaCL', 'montecarlo', 'custom'];
}

/** The `schema` block of 0.9.x, which embeds a schema of another language. */
export const SCHEMA_TYPES = [
  'dbt',
  'bigquery',
  'json-schema',
  'sql-ddl',
  'avro',
  'protobuf',
  'custom',
];

/** The `examples` block of 0.9.x. */
export const EXAMPLE_TYPES = ['csv', 'json', 'yaml', 'custom'];

export const FREQUENCY_TYPES = [
  'batch',
  'micro-batching',
  'streaming',
  'manual',
];

/** `format` and `delimiter` of file-based servers (s3, gcs, sftp, azure), from 0.9.3 on. */
export const FILE_FORMATS = ['parquet', 'delta', 'json', 'csv'];
export const JSON_DELIMITERS = ['new_line', 'array'];

/** Names of models, links and (before 1.1.0) definitions. */
export const NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;
/** From 1.1.0 on, a definition's id may carry its domain: `checkout/order_id`. */
export const DEFINITION_ID_PATTERN = /^[a-zA-Z0-9/_-]+$/;
