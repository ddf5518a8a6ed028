import { z } from 'zod';
import { namedMap, uniqueStrings } from './checks';
import {
  DcsVersion,
  DEFINITION_ID_PATTERN,
  EXAMPLE_TYPES,
  fieldTypes,
  FREQUENCY_TYPES,
  legacyQualityTypes,
  MODEL_TYPES,
  NAME_PATTERN,
  SCHEMA_TYPES,
  since,
  until,
} from './features';
import { lineageSchema, qualityCheckSchema } from './quality';
import { serversSchema } from './servers';

/*
 * The Data Contract Specification, written by hand as zod schemas: one builder, and the
 * differences between versions as `since`/`until` conditions. Like the official schemas,
 * every object accepts fields it does not define (none of them sets
 * `additionalProperties: false`), so only the fields the specification defines are checked.
 * `format: uri` and `format: email` are not checked either: the official verdicts treat them
 * as annotations (the official examples use `s3://bucket/{model}/*.json` as a location).
 */

export interface DcsSchemaOptions {
  version: DcsVersion;
  /**
   * Accept type names the version does not list (field, model, server and quality types),
   * for documents of a newer version than the suite knows: new versions add types.
   */
  openTypes: boolean;
}

const text = () => z.string().optional();
const flag = () => z.boolean().optional();
const num = () => z.number().optional();
const texts = () => z.array(z.string()).optional();
const anyList = () => z.array(z.unknown()).optional();
const mapping = () => z.record(z.string(), z.unknown());

function links() {
  return namedMap(z.string(), {
    atLeastOne: 'link',
    pattern: NAME_PATTERN,
    patternHint: 'link names may only contain letters, digits, "_" and "-"',
  }).optional();
}

function info(version: DcsVersion) {
  return z.looseObject({
    title: z.string(),
    version: z.string(),
    description: text(),
    owner: text(),
    contact: z
      .looseObject({ name: text(), url: text(), email: text() })
      .optional(),
    ...(since(version, '0.9.3') ? { status: text() } : {}),
    // 0.9.0 linked the contract to a data product's output port; 0.9.1 dropped both.
    ...(version === '0.9.0' ? { dataProduct: text(), outputPort: text() } : {}),
  });
}

function terms(version: DcsVersion) {
  return z.looseObject({
    usage: text(),
    limitations: text(),
    billing: text(),
    noticePeriod: text(),
    ...(since(version, '1.1.0')
      ? {
          policies: z
            .array(
              z.looseObject({ type: text(), description: text(), url: text() }),
            )
            .optional(),
        }
      : {}),
  });
}

/** Rules shared by model fields and definitions from 0.9.3 on: nesting, precision, links. */
function richFieldShape(field: z.ZodType, whole: 'number' | 'integer') {
  const precise = () =>
    whole === 'integer' ? z.number().int().optional() : num();
  return {
    fields: z.record(z.string(), field).optional(),
    items: field.optional(),
    keys: field.optional(),
    values: field.optional(),
    precision: precise(),
    scale: precise(),
    minimum: num(),
    exclusiveMinimum: num(),
    maximum: num(),
    exclusiveMaximum: num(),
    links: links(),
  };
}

function fieldTypeRule({ version, openTypes }: DcsSchemaOptions) {
  return openTypes ? z.string() : z.enum(fieldTypes(version));
}

/** A field of a model (recursive from 0.9.3 on: `fields`, `items`, `keys`, `values`). */
function fieldSchema(options: DcsSchemaOptions): z.ZodType {
  const { version, openTypes } = options;
  const field: z.ZodType = z.lazy(() =>
    z.looseObject({
      $ref: text(),
      type: fieldTypeRule(options).optional(),
      description: text(),
      pii: flag(),
      classification: text(),
      tags: texts(),
      ...(since(version, '0.9.2')
        ? {
            required: flag(),
            primary: flag(),
            unique: flag(),
            enum: uniqueStrings().optional(),
            minLength: since(version, '0.9.3')
              ? z.number().int().optional()
              : num(),
            maxLength: since(version, '0.9.3')
              ? z.number().int().optional()
              : num(),
            format: text(),
            pattern: text(),
            minimum: num(),
            exclusiveMinimum: num(),
            maximum: num(),
            exclusiveMaximum: num(),
            example: text(),
          }
        : {}),
      ...(since(version, '0.9.3')
        ? {
            ...richFieldShape(field, 'number'),
            title: text(),
            references: text(),
            config: z
              .looseObject({
                avroType: text(),
                avroLogicalType: text(),
                bigqueryType: text(),
                snowflakeType: text(),
                redshiftType: text(),
                sqlserverType: text(),
                databricksType: text(),
                glueType: text(),
              })
              .optional(),
          }
        : {}),
      ...(since(version, '1.1.0')
        ? {
            primaryKey: flag(),
            examples: anyList(),
            quality: z.array(qualityCheckSchema(version, openTypes)).optional(),
            lineage: lineageSchema().optional(),
          }
        : {}),
    }),
  );
  return field;
}

function modelSchema(options: DcsSchemaOptions, field: z.ZodType) {
  const { version, openTypes } = options;
  const typed = since(version, '0.9.2') && !openTypes;
  return z.looseObject({
    description: text(),
    type: (typed ? z.enum(MODEL_TYPES) : z.string()).optional(),
    fields: z.record(z.string(), field).optional(),
    ...(since(version, '0.9.3')
      ? {
          title: text(),
          config: z.looseObject({ avroNamespace: text() }).optional(),
        }
      : {}),
    ...(since(version, '1.1.0')
      ? {
          primaryKey: texts(),
          quality: z.array(qualityCheckSchema(version, openTypes)).optional(),
          examples: anyList(),
        }
      : {}),
    ...(since(version, '1.2.0') ? { additionalFields: flag() } : {}),
  });
}

function definitionSchema(options: DcsSchemaOptions, field: z.ZodType) {
  const { version } = options;
  const rich = since(version, '0.9.3');
  return z.looseObject({
    domain: text(),
    // Until 0.9.3 a definition named itself; from 1.1.0 on its id says it.
    name: until(version, '0.9.3') ? z.string() : text(),
    title: text(),
    description: text(),
    type: rich ? fieldTypeRule(options) : z.string(),
    minLength: rich ? z.number().int().optional() : num(),
    maxLength: rich ? z.number().int().optional() : num(),
    format: text(),
    pattern: text(),
    example: text(),
    pii: flag(),
    classification: text(),
    tags: texts(),
    ...(rich ? richFieldShape(field, 'integer') : {}),
    ...(since(version, '1.1.0') ? { examples: anyList() } : {}),
  });
}

function serviceLevels() {
  const level = (shape: Record<string, z.ZodType>) =>
    z.looseObject({ description: text(), ...shape }).optional();
  return z.looseObject({
    availability: level({
      percentage: z
        .string()
        .regex(/^\d+(\.\d+)?%$/)
        .optional(),
    }),
    retention: level({
      period: text(),
      unlimited: flag(),
      timestampField: text(),
    }),
    latency: level({
      threshold: text(),
      sourceTimestampField: text(),
      processedTimestampField: text(),
    }),
    freshness: level({ threshold: text(), timestampField: text() }),
    frequency: level({
      type: z.enum(FREQUENCY_TYPES).optional(),
      interval: text(),
      cron: text(),
    }),
    support: level({ time: text(), responseTime: text() }),
    backup: level({
      interval: text(),
      cron: text(),
      recoveryTime: text(),
      recoveryPoint: text(),
    }),
  });
}

/** `schema`, `examples` and the contract-wide `quality`: blocks of 0.9.x, gone in 1.1.0. */
function legacyBlocks(version: DcsVersion) {
  const specification = z.union([z.string(), mapping()]);
  return {
    schema: z
      .looseObject({ type: z.enum(SCHEMA_TYPES), specification })
      .optional(),
    examples: z
      .array(
        z.looseObject({
          type: z.enum(EXAMPLE_TYPES),
          description: text(),
          // 0.9.0 required the model an example belongs to.
          model: version === '0.9.0' ? z.string() : text(),
          data: since(version, '0.9.2')
            ? z.union([z.string(), z.array(z.unknown())])
            : z.string(),
        }),
      )
      .optional(),
    quality: z
      .looseObject({
        type: z.enum(legacyQualityTypes(version)),
        specification,
      })
      .optional(),
  };
}

/** The whole document, by the rules of one version. */
export function dataContractSchema(options: DcsSchemaOptions) {
  const { version, openTypes } = options;
  const field = fieldSchema(options);
  return z.looseObject({
    dataContractSpecification: z.string(),
    id: z.string(),
    info: info(version),
    servers: serversSchema(version, openTypes).optional(),
    terms: terms(version).optional(),
    ...(since(version, '0.9.1')
      ? {
          models: namedMap(modelSchema(options, field), {
            atLeastOne: 'model',
            pattern: NAME_PATTERN,
            patternHint:
              'model names may only contain letters, digits, "_" and "-"',
          }).optional(),
        }
      : {}),
    ...(since(version, '0.9.2')
      ? {
          definitions: namedMap(definitionSchema(options, field), {
            pattern: since(version, '1.1.0')
              ? DEFINITION_ID_PATTERN
              : NAME_PATTERN,
            patternHint: since(version, '1.1.0')
              ? 'definition ids may only contain letters, digits, "_", "-" and "/"'
              : 'definition names may only contain letters, digits, "_" and "-"',
          }).optional(),
        }
      : {}),
    ...(since(version, '0.9.3')
      ? {
          servicelevels: serviceLevels().optional(),
          links: links(),
          tags: texts(),
        }
      : {}),
    ...(until(version, '0.9.3') ? legacyBlocks(version) : {}),
  });
}
