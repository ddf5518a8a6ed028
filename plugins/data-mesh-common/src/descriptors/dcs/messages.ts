import type { z } from 'zod';

/*
 * zod's default messages ("Invalid input: expected string, received undefined") speak to
 * programmers. A descriptor's author reads these instead: what was expected, what was
 * written. The map is passed to each parse (never set globally with z.config), so it does
 * not change the messages of any other schema in the process.
 */

const MAX_SHOWN_TEXT = 40;

const EXPECTED_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  null: 'null',
};

/** How a value written in the document is shown in a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'string') {
    const shown =
      value.length > MAX_SHOWN_TEXT
        ? `${value.slice(0, MAX_SHOWN_TEXT)}...`
        : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object') {
    return 'a mapping';
  }
  return String(value);
}

function expectedWord(expected: string): string {
  return EXPECTED_WORDS[expected] ?? expected;
}

function plural(count: number | bigint, word: string): string {
  return `${count} ${word}${Number(count) === 1 ? '' : 's'}`;
}

function sizeWord(origin: string): string {
  if (origin === 'array') {
    return 'item';
  }
  return origin === 'string' ? 'character' : 'entry';
}

/** For "a string or a mapping": what each alternative of a failed union expected. */
function unionMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const branches = (issue.errors ?? []) as Array<
    Array<{ code?: string; expected?: string; path?: unknown[] }>
  >;
  const expected = branches.map(branch =>
    branch.length === 1 &&
    branch[0].code === 'invalid_type' &&
    (branch[0].path ?? []).length === 0
      ? branch[0].expected
      : undefined,
  );
  if (expected.length === 0 || expected.some(e => !e)) {
    return undefined;
  }
  const words = expected.map(e => expectedWord(e!));
  return `expected ${words.join(' or ')}, got ${describeValue(issue.input)}`;
}

/** zod error map giving messages of the form `expected ..., got ...`. */
export const dcsErrorMap: z.core.$ZodErrorMap = issue => {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedWord(issue.expected);
      return issue.input === undefined
        ? `required, expected ${expected}`
        : `expected ${expected}, got ${describeValue(issue.input)}`;
    }
    case 'invalid_value': {
      const values = issue.values.map(v => String(v));
      const wanted =
        values.length === 1 ? `"${values[0]}"` : `one of ${values.join(', ')}`;
      return issue.input === undefined
        ? `required, expected ${wanted}`
        : `expected ${wanted}, got ${describeValue(issue.input)}`;
    }
    case 'too_small': {
      const size = Array.isArray(issue.input)
        ? issue.input.length
        : String(issue.input ?? '').length;
      const bound = issue.exact ? 'exactly' : 'at least';
      return `expected ${bound} ${plural(
        issue.minimum,
        sizeWord(issue.origin),
      )}, got ${size}`;
    }
    case 'too_big': {
      const size = Array.isArray(issue.input)
        ? issue.input.length
        : String(issue.input ?? '').length;
      const bound = issue.exact ? 'exactly' : 'at most';
      return `expected ${bound} ${plural(
        issue.maximum,
        sizeWord(issue.origin),
      )}, got ${size}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern
        ? `expected text matching ${issue.pattern}, got ${describeValue(
            issue.input,
          )}`
        : `expected ${issue.format}, got ${describeValue(issue.input)}`;
    case 'invalid_union':
      return unionMessage(issue) ?? 'does not match any of the allowed forms';
    default:
      // Custom issues carry their own message; anything else keeps zod's.
      return undefined;
  }
};
