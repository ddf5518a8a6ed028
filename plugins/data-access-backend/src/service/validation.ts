import { InputError } from '@backstage/errors';
import type { z } from 'zod';

/**
 * Parses a body or a query with its schema, or throws InputError (400) whose message names
 * every field that is wrong, e.g. `purpose.text: expected the purpose in a sentence`.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: 'body' | 'query',
): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map(issue => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys
        .map(key => `${fieldName([...issue.path, key])}: unknown field`)
        .join('; ');
    }
    return `${fieldName(issue.path) || where}: ${issue.message}`;
  });
  throw new InputError(`Invalid ${where}: ${problems.join('; ')}`);
}

/** `purpose.text`, `state[0]`: how a client would point at the field. */
function fieldName(path: PropertyKey[]): string {
  return path
    .map((key, i) =>
      typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`,
    )
    .join('');
}
