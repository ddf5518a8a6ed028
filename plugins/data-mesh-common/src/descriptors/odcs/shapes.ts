import { z } from 'zod';
import type { OdcsFeatures } from './features';
import { describeValue } from './messages';
import { isDate, isDateTime, isUri, STABLE_ID } from './stringFormats';

/** What every schema builder of this folder needs. */
export interface SchemaOptions {
  features: OdcsFeatures;
  /** The document declares a newer version than the suite knows: keep unknown fields. */
  allowUnknownFields: boolean;
}

/** The refinement context zod hands to a check. */
export type CheckContext = z.RefinementCtx<unknown>;

// Checks run even when another field of the same object is already wrong, so an author sees
// every problem at once; they therefore read their value as unknown and test it.
const ALWAYS = { when: () => true };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An object with the given fields. A closed object reports the fields it does not define,
 * except when the document declares a newer version than the suite knows.
 */
export function fields(
  shape: z.ZodRawShape,
  closed: boolean,
  options: SchemaOptions,
): z.ZodType {
  return closed && !options.allowUnknownFields
    ? z.strictObject(shape)
    : z.looseObject(shape);
}

/** Adds a check that runs on the raw value, whether or not the rest of it is valid. */
export function withCheck(
  schema: z.ZodType,
  check: (value: unknown, ctx: CheckContext) => void,
): z.ZodType {
  return schema.superRefine(
    (value, ctx) => check(value, ctx as CheckContext),
    ALWAYS,
  );
}

/** A value checked by a predicate; optional unless `required`. */
function predicate(
  test: (value: unknown) => boolean,
  expected: string,
  required = false,
): z.ZodType {
  const schema = z.unknown().superRefine((value, ctx) => {
    if (value === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `required: expected ${expected}`,
      });
    } else if (!test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected ${expected}, got ${describeValue(value)}`,
      });
    }
  }, ALWAYS);
  return required ? schema : schema.optional();
}

const isScalar = (value: unknown) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** A string, number, boolean or null: SLA values, enum values. */
export function scalar(required = false): z.ZodType {
  return predicate(
    isScalar,
    'a string, a number, true/false or null',
    required,
  );
}

/** Any JSON value, present: a custom property's `value` may be null but not missing. */
export function anyValue(required = false): z.ZodType {
  return predicate(() => true, 'a value (null is allowed)', required);
}

export function stringOrObject(required = false): z.ZodType {
  return predicate(
    value => typeof value === 'string' || isRecord(value),
    'a string or an object',
    required,
  );
}

function formatted(
  test: (value: string) => boolean,
  expected: string,
  required = false,
) {
  return predicate(
    value => typeof value === 'string' && test(value),
    expected,
    required,
  );
}

export const dateString = () =>
  formatted(isDate, 'a date such as "2024-01-31"');
export const dateTimeString = () =>
  formatted(
    isDateTime,
    'a timestamp with offset such as "2024-01-31T09:30:00Z"',
  );
export const uriString = (required = false) =>
  formatted(isUri, 'an absolute URI such as "s3://bucket/path"', required);
export const patternString = (
  pattern: RegExp,
  expected: string,
  required = false,
) => formatted(value => pattern.test(value), expected, required);

/** The stable `id` of a part (v3.1+), or nothing in versions that have none. */
export function stableId(options: SchemaOptions): z.ZodRawShape {
  return options.features.stableIds
    ? {
        id: patternString(STABLE_ID, 'an id of letters, digits, "_" and "-"'),
      }
    : {};
}

/** A field present only from some version on. */
export function when(condition: boolean, shape: z.ZodRawShape): z.ZodRawShape {
  return condition ? shape : {};
}

/**
 * Checks `value` with `schema` inside another check, reporting its issues under `path`
 * (relative to the value the outer check is on).
 */
export function checkWith(
  schema: z.ZodType,
  value: unknown,
  ctx: CheckContext,
  path: PropertyKey[] = [],
): void {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      ctx.addIssue({
        ...issue,
        path: [...path, ...issue.path],
      } as Parameters<CheckContext['addIssue']>[0]);
    }
  }
}

/**
 * A value checked by the schema `select` picks for it (by its form, or by its `type`), so the
 * messages speak of the form the author wrote rather than of every form the standard has.
 */
export function dispatch(select: (value: unknown) => z.ZodType): z.ZodType {
  return z.unknown().superRefine((value, ctx) => {
    if (value !== undefined) {
      checkWith(select(value), value, ctx as CheckContext);
    }
  }, ALWAYS);
}

/** One of two forms told apart by being a list or not (ODCS v3.1+ `team`). */
export function listOrObject(
  listForm: z.ZodType,
  objectForm: z.ZodType,
): z.ZodType {
  return dispatch(value => (Array.isArray(value) ? listForm : objectForm));
}

/** Reports a field that a rule does not allow in this place. */
export function notAllowed(
  ctx: CheckContext,
  field: string,
  why: string,
): void {
  ctx.addIssue({ code: 'custom', path: [field], message: why });
}
