import { z } from 'zod';
import { authoritativeDefinitions, customProperties, tags } from './parts';
import {
  anyValue,
  CheckContext,
  dispatch,
  fields,
  isRecord,
  SchemaOptions,
  stableId,
  stringOrObject,
  when,
  withCheck,
} from './shapes';

const QUALITY_TYPES = ['text', 'library', 'sql', 'custom'] as const;
const DIMENSIONS = [
  'accuracy',
  'completeness',
  'conformity',
  'consistency',
  'coverage',
  'timeliness',
  'uniqueness',
] as const;
/** The metrics of the v3.1+ library of checks. */
const METRICS = [
  'nullValues',
  'missingValues',
  'invalidValues',
  'duplicateValues',
  'rowCount',
] as const;
const OPERATORS = [
  'mustBe',
  'mustNotBe',
  'mustBeGreaterThan',
  'mustBeGreaterOrEqualTo',
  'mustBeLessThan',
  'mustBeLessOrEqualTo',
  'mustBeBetween',
  'mustNotBeBetween',
] as const;

/** A `[low, high]` range: two different numbers. */
function range(): z.ZodType {
  return withCheck(z.array(z.number()).length(2), (value, ctx) => {
    if (Array.isArray(value) && value.length === 2 && value[0] === value[1]) {
      ctx.addIssue({
        code: 'custom',
        message: `expected two different bounds, got ${value[0]} twice`,
      });
    }
  });
}

const operatorShape = (): z.ZodRawShape => ({
  mustBe: anyValue(),
  mustNotBe: anyValue(),
  mustBeGreaterThan: z.number().optional(),
  mustBeGreaterOrEqualTo: z.number().optional(),
  mustBeLessThan: z.number().optional(),
  mustBeLessOrEqualTo: z.number().optional(),
  mustBeBetween: range().optional(),
  mustNotBeBetween: range().optional(),
});

/** From v3.1.0 a library or SQL check states exactly one expectation. */
function checkOneOperator(value: unknown, ctx: CheckContext) {
  if (!isRecord(value)) {
    return;
  }
  const present = OPERATORS.filter(operator => operator in value);
  if (present.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: `expected exactly one operator (${OPERATORS.join(', ')}), got ${
        present.length === 0 ? 'none' : present.join(' and ')
      }`,
    });
  }
}

interface Applies {
  library: boolean;
  sql: boolean;
  custom: boolean;
}

/**
 * Which kind of check a quality item is, by the rules of the version: before v3.1.0 a check
 * without a `type` is a library check (the default); from v3.1.0 a check is a library check
 * when it says so or names a `metric`.
 */
function applies(value: unknown, options: SchemaOptions): Applies {
  const item = isRecord(value) ? value : {};
  const type = item.type;
  return {
    library: options.features.qualityMetrics
      ? type === 'library' || typeof item.metric === 'string'
      : type === undefined || type === 'library',
    sql: type === 'sql',
    custom: type === 'custom',
  };
}

function qualityItem(kinds: Applies, options: SchemaOptions): z.ZodType {
  const { qualityMetrics, closedParts } = options.features;
  const shape: Record<string, z.ZodType> = {
    ...stableId(options),
    authoritativeDefinitions: authoritativeDefinitions(options).optional(),
    businessImpact: z.string().optional(),
    customProperties: customProperties(options).optional(),
    description: z.string().optional(),
    dimension: z.enum(DIMENSIONS).optional(),
    method: z.string().optional(),
    name: z.string().optional(),
    schedule: z.string().optional(),
    scheduler: z.string().optional(),
    severity: z.string().optional(),
    tags: tags().optional(),
    type: z.enum(QUALITY_TYPES).optional(),
    unit: z.string().optional(),
  };
  if (kinds.library) {
    Object.assign(
      shape,
      qualityMetrics
        ? {
            metric: z.enum(METRICS),
            rule: z.string().optional(),
            arguments: z.looseObject({}).optional(),
          }
        : { rule: z.string() },
      operatorShape(),
    );
  }
  if (kinds.sql) {
    Object.assign(
      shape,
      { query: z.string() },
      when(qualityMetrics, operatorShape()),
    );
  }
  if (kinds.custom) {
    Object.assign(shape, {
      engine: z.string(),
      implementation: stringOrObject(true),
    });
  }
  if (closedParts && !options.allowUnknownFields) {
    addMisplacedFields(shape);
  }
  const item = fields(shape, closedParts, options);
  return qualityMetrics && (kinds.library || kinds.sql)
    ? withCheck(item, checkOneOperator)
    : item;
}

/**
 * From v3.1.0 a check accepts only the fields of its kind. A field of another kind is
 * reported as misplaced, with the kind it belongs to, rather than as unknown.
 */
function addMisplacedFields(shape: Record<string, z.ZodType>) {
  const misplaced = (message: string) =>
    z
      .unknown()
      .superRefine((_value, ctx) => ctx.addIssue({ code: 'custom', message }))
      .optional();
  const owners: Array<[string[], string]> = [
    [
      ['metric', 'rule', 'arguments'],
      'only allowed in a library check (type: library, or a check with a metric)',
    ],
    [['query'], 'only allowed when type is sql'],
    [['engine', 'implementation'], 'only allowed when type is custom'],
    [[...OPERATORS], 'only allowed in library and sql checks'],
  ];
  for (const [names, message] of owners) {
    for (const name of names) {
      if (!(name in shape)) {
        shape[name] = misplaced(message);
      }
    }
  }
}

/** A list of quality checks, each checked by the rules of its kind. */
export function qualityChecks(options: SchemaOptions): z.ZodType {
  const byKinds = new Map<string, z.ZodType>();
  const item = dispatch(value => {
    const kinds = applies(value, options);
    const key = JSON.stringify(kinds);
    let schema = byKinds.get(key);
    if (!schema) {
      schema = qualityItem(kinds, options);
      byKinds.set(key, schema);
    }
    return schema;
  });
  return z.array(item);
}
