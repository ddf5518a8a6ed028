import type { z } from 'zod';
import { formatPath } from '../issues';
import type { DescriptorIssue } from '../types';

const MAX_SHOWN_LENGTH = 60;

/** How a value is named in a message: `"text"`, `5`, `null`, `a list`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'an empty list' : 'a list';
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  if (typeof value === 'string') {
    const shown =
      value.length > MAX_SHOWN_LENGTH
        ? `${value.slice(0, MAX_SHOWN_LENGTH)}...`
        : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
  nonoptional: 'a value',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

function listValues(values: ReadonlyArray<unknown>): string {
  return values.map(v => (typeof v === 'string' ? v : String(v))).join(', ');
}

function bound(
  issue: { origin: string; inclusive?: boolean; exact?: boolean },
  limit: number | bigint,
  direction: 'least' | 'most',
): string {
  if (issue.origin === 'array') {
    const count = `${limit} item${Number(limit) === 1 ? '' : 's'}`;
    return issue.exact ? `exactly ${count}` : `at ${direction} ${count}`;
  }
  if (issue.origin === 'string') {
    return `at ${direction} ${limit} character${
      Number(limit) === 1 ? '' : 's'
    }`;
  }
  if (issue.inclusive === false) {
    return direction === 'least' ? `more than ${limit}` : `less than ${limit}`;
  }
  return `at ${direction} ${limit}`;
}

function describeSize(input: unknown): string {
  if (Array.isArray(input)) {
    return `${input.length} item${input.length === 1 ? '' : 's'}`;
  }
  return describeValue(input);
}

/**
 * Turns zod's issues into messages that name what was expected and what was found, keeping
 * zod's path: `schema[0].properties[1].logicalType: expected one of string, date, ...,
 * got "text"`. An unknown field gets its own path, so an author sees where it is.
 * The parse must run with `reportInput: true`, which gives each issue the value it is about.
 */
export function humanIssues(
  error: z.ZodError,
  standardLabel: string,
): DescriptorIssue[] {
  const issues: DescriptorIssue[] = [];
  for (const issue of error.issues) {
    const path = formatPath(issue.path);
    const input = issue.input;
    switch (issue.code) {
      case 'invalid_type':
        issues.push({
          path,
          message:
            input === undefined
              ? `required: expected ${typeName(issue.expected)}`
              : `expected ${typeName(issue.expected)}, got ${describeValue(
                  input,
                )}`,
        });
        break;
      case 'invalid_value': {
        const expected =
          issue.values.length === 1
            ? `expected ${describeValue(issue.values[0])}`
            : `expected one of ${listValues(issue.values)}`;
        issues.push({
          path,
          message:
            input === undefined
              ? `required: ${expected}`
              : `${expected}, got ${describeValue(input)}`,
        });
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          issues.push({
            path: formatPath([...issue.path, key]),
            message: `unknown field: ${standardLabel} does not define it here`,
          });
        }
        break;
      case 'too_small':
        issues.push({
          path,
          message: `expected ${bound(
            issue,
            issue.minimum,
            'least',
          )}, got ${describeSize(input)}`,
        });
        break;
      case 'too_big':
        issues.push({
          path,
          message: `expected ${bound(
            issue,
            issue.maximum,
            'most',
          )}, got ${describeSize(input)}`,
        });
        break;
      case 'invalid_format':
        issues.push({
          path,
          message: `${issue.message}, got ${describeValue(input)}`,
        });
        break;
      default:
        // Custom checks of this folder already word their messages.
        issues.push({ path, message: issue.message });
    }
  }
  return issues;
}
