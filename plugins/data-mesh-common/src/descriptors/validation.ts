import { z } from 'zod';
import { formatPath } from './issues';
import type { DescriptorIssue } from './types';

// Validation helpers shared by the ODPS and DPDS formats: zod checks whose issues read as
// "<path>: expected <what>", and the string formats the standards' schemas use.

/** The kind of value a zod issue expected, in words. */
const EXPECTED_TYPES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  nonoptional: 'a value',
};

/** What a value is, in words: `a number`, `a list`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  switch (typeof value) {
    case 'string':
      return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    case 'object':
      return 'an object';
    case 'boolean':
      return String(value);
    case 'number':
      return `the number ${value}`;
    default:
      return typeof value;
  }
}

function quote(values: ReadonlyArray<unknown>): string {
  return values.map(v => JSON.stringify(v)).join(', ');
}

/**
 * zod's default messages ("Invalid input: expected string, received number") read like a
 * stack trace; a descriptor's author needs what to write instead.
 */
export const humanMessages: z.core.$ZodErrorMap = issue => {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_TYPES[issue.expected] ?? issue.expected;
      return issue.input === undefined
        ? `required: expected ${expected}`
        : `expected ${expected}, got ${describeValue(issue.input)}`;
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) {
        return 'expected a non-empty string';
      }
      return issue.origin === 'array'
        ? `expected at least ${issue.minimum} item(s)`
        : `expected at least ${issue.minimum}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${quote(issue.values)}, got ${describeValue(issue.input)}`
        : `expected one of ${quote(issue.values)}, got ${describeValue(
            issue.input,
          )}`;
    case 'invalid_union':
      return `got ${describeValue(
        issue.input,
      )}, which matches none of the shapes allowed here`;
    default:
      return undefined;
  }
};

/**
 * Checks a document with a zod schema; never throws. An unknown field becomes one issue on
 * the field's own path (`inputPorts[3].tags`), saying which rules do not define it.
 */
export function checkWithZod(
  schema: z.ZodType,
  document: unknown,
  rulesLabel: string,
): DescriptorIssue[] {
  const result = schema.safeParse(document, { error: humanMessages });
  if (result.success) {
    return [];
  }
  return result.error.issues.flatMap(issue => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(key => ({
        path: formatPath([...issue.path, key]),
        message: `unknown field: ${rulesLabel} does not define "${key}" here`,
      }));
    }
    return [{ path: formatPath(issue.path), message: issue.message }];
  });
}

/** A string with a URI scheme (`https:`, `mailto:`), no spaces. */
const URI = /^[a-z][a-z0-9+.-]*:[^\s"<>\\^`{|}]*$/i;
/** A relative or absolute URI reference, no spaces. */
const URI_REFERENCE = /^[^\s"<>\\^`{|}]*$/;
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3339 wants a time zone, but the JSON Schema tools the standards' users check their
// files with (ajv-formats) accept a time without one; so do we, to give the same verdict.
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:z|[+-]\d{2}(?::?\d{2})?)?$/i;

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

function isDateTime(value: string): boolean {
  const [date, time, ...rest] = value.split(/[tT ]/);
  const match = time === undefined ? null : TIME.exec(time);
  return (
    rest.length === 0 &&
    isDate(date) &&
    match !== null &&
    Number(match[1]) <= 23 &&
    Number(match[2]) <= 59 &&
    Number(match[3]) <= 60
  );
}

/** String formats the standards' schemas declare, checked the way JSON Schema tools do. */
export const formats = {
  uri: () =>
    z.string().refine(v => URI.test(v), {
      error: 'expected a URI with a scheme, such as https://… or mailto:…',
    }),
  uriReference: () =>
    z.string().refine(v => URI_REFERENCE.test(v), {
      error: 'expected a URI or a relative path, without spaces',
    }),
  uuid: () =>
    z.string().refine(v => UUID.test(v), {
      error: 'expected a UUID such as 123e4567-e89b-12d3-a456-426614174000',
    }),
  date: () =>
    z
      .string()
      .refine(isDate, { error: 'expected a date written as YYYY-MM-DD' }),
  dateTime: () =>
    z.string().refine(isDateTime, {
      error: 'expected a date and time, such as 2024-01-31T09:30:00Z',
    }),
};

/** A JSON object (not null, not a list). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
