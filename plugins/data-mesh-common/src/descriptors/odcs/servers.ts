import { z } from 'zod';
import type { OdcsFeatures } from './features';
import { customProperties, role } from './parts';
import {
  anyValue,
  dispatch,
  fields,
  isRecord,
  patternString,
  SchemaOptions,
  stableId,
  uriString,
} from './shapes';

/**
 * The connection fields of each server type, `!` marking the required ones. Written from the
 * standard's server section.
 */
function serverTypes(features: OdcsFeatures): Record<string, string> {
  const athenaStaging =
    features.athenaStagingDir === 'optional' ? 'stagingDir' : 'stagingDir!';
  const types: Record<string, string> = {
    api: 'location!',
    athena: `${athenaStaging} schema! catalog regionName${
      features.athenaWorkgroup ? ' workgroup' : ''
    }`,
    azure: 'location! format! delimiter',
    bigquery: 'project! dataset!',
    clickhouse: 'host! port! database!',
    databricks: 'host catalog! schema!',
    denodo: 'host! port! database',
    dremio: 'host! port! schema',
    duckdb: 'database! schema',
    glue: 'account! database! location format',
    cloudsql: 'host! port! database! schema!',
    db2: 'host! port! database! schema',
    informix: 'host! port database!',
    custom: `account catalog database dataset delimiter endpointUrl format host location path port project region regionName schema serviceName stagingDir warehouse${
      features.newServerTypes310 ? ' stream' : ''
    }`,
    kafka: 'host! format',
    kinesis: 'region format',
    local: 'path! format!',
    mysql: 'host! port! database!',
    oracle: 'host! port! serviceName!',
    postgres: 'host! port! database! schema!',
    postgresql: 'host! port! database! schema!',
    presto: 'host! catalog schema',
    pubsub: 'project!',
    redshift: 'host database! schema! region account',
    s3: 'location! endpointUrl format delimiter',
    sftp: 'location! format delimiter',
    snowflake: 'host port account! database! schema! warehouse',
    sqlserver: 'host! port database! schema!',
    synapse: 'host! port! database!',
    trino: 'host! port! catalog! schema!',
    vertica: 'host! port! database! schema!',
  };
  if (features.newServerTypes310) {
    types.hive = 'host! port database!';
    types.impala = 'host! port database!';
    types.zen = 'host! port database!';
  }
  return types;
}

const FILE_FORMATS = ['parquet', 'delta', 'json', 'csv'] as const;
const DELIMITERS = ['new_line', 'array'] as const;

/** A connection field's schema; every field is a string unless listed here. */
function fieldSchema(
  type: string,
  field: string,
  required: boolean,
  features: OdcsFeatures,
): z.ZodType {
  const fileServer = ['azure', 's3', 'sftp'].includes(type);
  const optionality = (schema: z.ZodType) =>
    required ? schema : schema.optional();
  switch (field) {
    case 'port':
      return optionality(z.int());
    case 'location':
      return type === 'sftp'
        ? patternString(/^sftp:\/\/\S*$/, 'an sftp:// URI', required)
        : uriString(required);
    case 'endpointUrl':
      return uriString(required);
    case 'stagingDir':
      return type === 'custom' ? optionality(z.string()) : uriString(required);
    case 'schema':
      return optionality(
        type === 'duckdb' && features.duckdbSchemaInteger
          ? z.int()
          : z.string(),
      );
    case 'format':
      return optionality(
        fileServer && features.serverFileFormatEnums
          ? z.enum(FILE_FORMATS)
          : z.string(),
      );
    case 'delimiter':
      return optionality(
        fileServer && features.serverFileFormatEnums
          ? z.enum(DELIMITERS)
          : z.string(),
      );
    default:
      return optionality(z.string());
  }
}

function connectionShape(
  type: string,
  spec: string,
  options: SchemaOptions,
): z.ZodRawShape {
  const shape: Record<string, z.ZodType> = {};
  for (const token of spec.split(' ')) {
    const required = token.endsWith('!');
    const field = required ? token.slice(0, -1) : token;
    shape[field] = fieldSchema(type, field, required, options.features);
  }
  // v3.0.0 and v3.0.1 require `staging_dir` for Athena while naming the field stagingDir; a
  // document that follows them writes staging_dir, which their open servers accept.
  if (
    type === 'athena' &&
    options.features.athenaStagingDir === 'staging_dir'
  ) {
    shape.staging_dir = anyValue(true);
  }
  return shape;
}

export function server(options: SchemaOptions): z.ZodType {
  const types = serverTypes(options.features);
  const typeNames = Object.keys(types);
  const base = {
    ...stableId(options),
    server: z.string(),
    type: z.enum(typeNames as [string, ...string[]]),
    description: z.string().optional(),
    environment: z.string().optional(),
    roles: z.array(role(options)).optional(),
    customProperties: customProperties(options).optional(),
  };
  // Before v3.1.0 a server also accepts fields its type does not define.
  const closed = options.features.closedParts;
  const byType = new Map(
    typeNames.map(type => [
      type,
      fields(
        { ...base, ...connectionShape(type, types[type], options) },
        closed,
        options,
      ),
    ]),
  );
  // An unknown or missing type is reported once, without the noise of its other fields.
  const untyped = fields(base, false, options);
  return dispatch(value => {
    const type = isRecord(value) ? value.type : undefined;
    return (typeof type === 'string' && byType.get(type)) || untyped;
  });
}
