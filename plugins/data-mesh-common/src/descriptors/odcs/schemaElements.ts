import { z } from 'zod';
import {
  authoritativeDefinitions,
  context,
  customProperties,
  tags,
} from './parts';
import { qualityChecks } from './quality';
import {
  CheckContext,
  checkWith,
  fields,
  isRecord,
  notAllowed,
  scalar,
  SchemaOptions,
  stableId,
  when,
  withCheck,
} from './shapes';
import { FULLY_QUALIFIED_REFERENCE, shorthandReference } from './stringFormats';
import { describeValue } from './messages';

/**
 * The `schema` section: objects (tables, views, topics, files) and their properties
 * (columns, fields), nested through `properties`, `items` and, from v3.2.0, `map`.
 */

const INTEGER_FORMATS = [
  'i8',
  'i16',
  'i32',
  'i64',
  'i128',
  'u8',
  'u16',
  'u32',
  'u64',
  'u128',
] as const;
const FLOAT_FORMATS = ['f32', 'f64'] as const;

const count = () => z.int().min(0);

/** The options each logical type accepts (`logicalTypeOptions`), closed. */
function logicalTypeOptions(
  options: SchemaOptions,
): Record<string, z.ZodType | undefined> {
  const closed = (shape: z.ZodRawShape) => fields(shape, true, options);
  const flagsOr = (bound: z.ZodType) =>
    options.features.exclusiveBoundsAreFlags ? z.boolean() : bound;
  const numeric = (formats: readonly [string, ...string[]]) =>
    closed({
      multipleOf: z.number().gt(0).optional(),
      maximum: z.number().optional(),
      exclusiveMaximum: flagsOr(z.number()).optional(),
      minimum: z.number().optional(),
      exclusiveMinimum: flagsOr(z.number()).optional(),
      format: z.enum(formats).optional(),
    });
  const temporal = {
    format: z.string().optional(),
    maximum: z.string().optional(),
    exclusiveMaximum: flagsOr(z.string()).optional(),
    minimum: z.string().optional(),
    exclusiveMinimum: flagsOr(z.string()).optional(),
  };
  return {
    string: closed({
      minLength: count().optional(),
      maxLength: count().optional(),
      pattern: z.string().optional(),
      format: z.string().optional(),
    }),
    date: closed(temporal),
    timestamp: closed({
      ...temporal,
      timezone: z.boolean().optional(),
      defaultTimezone: z.string().optional(),
    }),
    time: closed({
      ...temporal,
      timezone: z.boolean().optional(),
      defaultTimezone: z.string().optional(),
    }),
    integer: numeric(INTEGER_FORMATS),
    number: numeric(FLOAT_FORMATS),
    object: closed({
      maxProperties: count().optional(),
      minProperties: count().optional(),
      required: withCheck(
        z.array(z.string()).min(1),
        checkUniqueItems,
      ).optional(),
    }),
    array: closed({
      maxItems: count().optional(),
      minItems: count().optional(),
      uniqueItems: z.boolean().optional(),
    }),
    // boolean and map take no options of their own.
  };
}

/** Reports items equal to an earlier one (JSON Schema's uniqueItems). */
function checkUniqueItems(value: unknown, ctx: CheckContext) {
  if (!Array.isArray(value)) {
    return;
  }
  const seen = new Map<string, number>();
  value.forEach((item, index) => {
    const key = canonicalJson(item);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
    } else {
      ctx.addIssue({
        code: 'custom',
        path: [index],
        message: `duplicate of item ${first}: each item must be different`,
      });
    }
  });
}

/** JSON with object keys sorted, so equal values give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map(key => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** A reference to a property: `table.column`, or a path of ids (v3.1+ relationships). */
function references(options: SchemaOptions): z.ZodType {
  const shorthand = shorthandReference(options.features.multiDotReferences);
  const isReference = (value: unknown) =>
    typeof value === 'string' &&
    (shorthand.test(value) || FULLY_QUALIFIED_REFERENCE.test(value));
  const expected = `a reference such as ${
    options.features.multiDotReferences
      ? 'table.column or schema.table.column'
      : 'table.column'
  }, or /schema/<id>/properties/<id>`;
  return z.unknown().superRefine((value, ctx) => {
    if (value === undefined) {
      return;
    }
    if (Array.isArray(value)) {
      if (value.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: `expected at least 1 item, got an empty list`,
        });
      }
      value.forEach((item, index) => {
        if (!isReference(item)) {
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: `expected ${expected}, got ${describeValue(item)}`,
          });
        }
      });
    } else if (!isReference(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected ${expected} (or a list of them), got ${describeValue(
          value,
        )}`,
      });
    }
  });
}

function relationship(level: 'schema' | 'property', options: SchemaOptions) {
  const reference = references(options);
  const shape = fields(
    {
      type: z.enum(['foreignKey']).optional(),
      // Which of from and to are required depends on the level, see the check below.
      from: reference.optional(),
      to: reference.optional(),
      customProperties: customProperties(options).optional(),
    },
    true,
    options,
  );
  return withCheck(shape, (value, ctx) => {
    if (!isRecord(value)) {
      return;
    }
    if (value.to === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'required: expected a reference or a list of references',
      });
    }
    if (level === 'property') {
      if (value.from !== undefined) {
        notAllowed(
          ctx,
          'from',
          "not allowed in a property's relationship: the property itself is the from side",
        );
      }
      return;
    }
    if (value.from === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'required: expected a reference or a list of references',
      });
    } else if (
      value.to !== undefined &&
      Array.isArray(value.from) !== Array.isArray(value.to)
    ) {
      ctx.addIssue({
        code: 'custom',
        message:
          'from and to must both be single references or both be lists (of the same columns, in order)',
      });
    }
  });
}

function enumValues(options: SchemaOptions): z.ZodType {
  const value = fields(
    {
      value: scalar(true),
      label: z.string().optional(),
      ...stableId(options),
      description: z.string().optional(),
      customProperties: customProperties(options).optional(),
      authoritativeDefinitions: authoritativeDefinitions(options).optional(),
      tags: tags().optional(),
    },
    true,
    options,
  );
  return withCheck(z.array(value).min(1), checkUniqueItems);
}

function synonyms(options: SchemaOptions): z.ZodType {
  return z.array(
    fields(
      {
        ...stableId(options),
        synonym: z.string(),
        description: z.string().optional(),
        locale: z.string().optional(),
        source: z.string().optional(),
        status: z.string().optional(),
        customProperties: customProperties(options).optional(),
      },
      true,
      options,
    ),
  );
}

/** Fields of every schema element, object or property. */
function elementShape(options: SchemaOptions): z.ZodRawShape {
  return {
    ...stableId(options),
    name: z.string().optional(),
    physicalType: z.string().optional(),
    description: z.string().optional(),
    businessName: z.string().optional(),
    ...when(options.features.synonyms, {
      synonyms: synonyms(options).optional(),
    }),
    authoritativeDefinitions: authoritativeDefinitions(options).optional(),
    tags: tags().optional(),
    customProperties: customProperties(options).optional(),
  };
}

interface PropertySchemas {
  /** A property of an object: it has a name. */
  named: z.ZodType;
  /** The items of an array, or the key and value of a map: no name of their own. */
  item: z.ZodType;
}

function propertySchemas(options: SchemaOptions): PropertySchemas {
  const { features } = options;
  const optionsByType = logicalTypeOptions(options);
  const schemas: Partial<PropertySchemas> = {};
  const named = z.lazy(() => schemas.named!);
  const item = z.lazy(() => schemas.item!);

  const shape: z.ZodRawShape = {
    ...elementShape(options),
    primaryKey: z.boolean().optional(),
    primaryKeyPosition: z.int().optional(),
    logicalType: z
      .enum(features.logicalTypes as [string, ...string[]])
      .optional(),
    logicalTypeOptions: z.looseObject({}).optional(),
    physicalType: z.string().optional(),
    ...when(features.propertyPhysicalName, {
      physicalName: z.string().optional(),
    }),
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    ...when(features.semanticType, {
      semanticType: z.enum(['column', 'measure', 'dimension']).optional(),
    }),
    partitioned: z.boolean().optional(),
    partitionKeyPosition: z.int().optional(),
    classification: z.string().optional(),
    encryptedName: z.string().optional(),
    transformSourceObjects: z.array(z.string()).optional(),
    transformLogic: z.string().optional(),
    transformDescription: z.string().optional(),
    examples: z.array(z.unknown()).optional(),
    ...when(features.enums, { enum: enumValues(options).optional() }),
    criticalDataElement: z.boolean().optional(),
    ...when(features.relationships, {
      relationships: z.array(relationship('property', options)).optional(),
    }),
    quality: qualityChecks(options).optional(),
    // Allowed by logical type, see checkByLogicalType.
    properties: z.array(named).optional(),
    items: item.optional(),
    ...when(features.maps, {
      map: fields({ key: item, value: item }, true, options).optional(),
    }),
  };

  /**
   * What a property's logical type allows: nested `properties` for an object, `items` for an
   * array, a `map` block for a map, and the options of that type. A property without a
   * logical type may nest anything; the official schemas accept that too (except that the
   * v3.2.0 draft schema then asks for a `map` block, a slip the suite does not copy).
   */
  const checkByLogicalType =
    (isItem: boolean) => (value: unknown, ctx: CheckContext) => {
      if (!isRecord(value)) {
        return;
      }
      const type = value.logicalType;
      if (
        type !== undefined &&
        !features.logicalTypes.includes(type as string)
      ) {
        return; // reported by the enum; what it allows is unknown.
      }
      const is = (t: string) => type === undefined || type === t;
      const shown = `got logicalType ${describeValue(type)}`;
      const itemMayNest = isItem && !features.itemPropertiesOnlyForObjects;
      if (value.properties !== undefined && !is('object') && !itemMayNest) {
        notAllowed(
          ctx,
          'properties',
          `only allowed when logicalType is object, ${shown}`,
        );
      }
      if (value.items !== undefined && !is('array')) {
        notAllowed(
          ctx,
          'items',
          `only allowed when logicalType is array, ${shown}`,
        );
      }
      if (features.maps) {
        if (value.map !== undefined && !is('map')) {
          notAllowed(
            ctx,
            'map',
            `only allowed when logicalType is map, ${shown}`,
          );
        }
        if (type === 'map' && value.map === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['map'],
            message:
              'required when logicalType is map: expected an object with key and value',
          });
        }
      }
      const typeOptions = value.logicalTypeOptions;
      if (!isRecord(typeOptions)) {
        return;
      }
      if (type === undefined) {
        for (const key of Object.keys(typeOptions)) {
          notAllowed(
            ctx,
            'logicalTypeOptions',
            `option ${key} needs a logicalType that defines it`,
          );
        }
        return;
      }
      const schema = optionsByType[type as string];
      if (schema) {
        checkWith(schema, typeOptions, ctx, ['logicalTypeOptions']);
      }
    };

  schemas.named = withCheck(
    fields({ ...shape, name: z.string() }, true, options),
    checkByLogicalType(false),
  );
  schemas.item = withCheck(
    fields(shape, true, options),
    checkByLogicalType(true),
  );
  return schemas as PropertySchemas;
}

export function schemaObjects(options: SchemaOptions): z.ZodType {
  const { features } = options;
  const { named } = propertySchemas(options);
  return z.array(
    fields(
      {
        ...elementShape(options),
        name: z.string(),
        logicalType: z.enum(['object']).optional(),
        physicalName: z.string().optional(),
        dataGranularityDescription: z.string().optional(),
        properties: z.array(named).optional(),
        ...when(features.relationships, {
          relationships: z.array(relationship('schema', options)).optional(),
        }),
        quality: qualityChecks(options).optional(),
        ...when(features.context, { context: context(options).optional() }),
      },
      true,
      options,
    ),
  );
}
