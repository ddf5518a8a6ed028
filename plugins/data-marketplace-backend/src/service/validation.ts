import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { canonicalRef } from '../governance/refs';

/**
 * Parses path parameters, a query or a body with its schema, or throws InputError (400)
 * whose message names every field that is wrong, e.g. `Invalid query: days: expected ...`.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: 'path' | 'query' | 'body',
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

/** `entityRefs[2]`, `days`: how a client would point at the field. */
function fieldName(path: PropertyKey[]): string {
  return path
    .map((key, i) =>
      typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`,
    )
    .join('');
}

/** A kind, namespace or name as it appears in an entity ref. */
const refPart = (what: string) =>
  z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/, {
    error: `expected ${what}: letters, digits, dots, dashes and underscores`,
  });

export const productPathSchema = z.strictObject({
  kind: refPart('an entity kind'),
  namespace: refPart('a namespace'),
  name: refPart('an entity name'),
});

export const domainPathSchema = z.strictObject({
  namespace: refPart('a namespace').default('default'),
  name: refPart('a domain name'),
});

/** How many days of trend a page may ask for: a year. */
const days = z.coerce
  .number({ error: 'expected a whole number of days' })
  .int({ error: 'expected a whole number of days' })
  .min(1, { error: 'expected at least 1 day' })
  .max(366, { error: 'expected at most 366 days' })
  .default(30);

export const domainQuerySchema = z.strictObject({ days });

export const summaryQuerySchema = z.strictObject({
  days,
  /** How many worst offenders. */
  limit: z.coerce
    .number({ error: 'expected a whole number of products' })
    .int({ error: 'expected a whole number of products' })
    .min(0, { error: 'expected 0 or more products' })
    .max(100, { error: 'expected at most 100 products' })
    .default(10),
});

export const statusesBodySchema = z.strictObject({
  entityRefs: z
    .array(
      z
        .string()
        .max(512)
        .refine(ref => canonicalRef(ref) !== undefined, {
          error:
            'expected an entity ref with its kind, e.g. dataproduct:default/tenancy-analytics',
        }),
      { error: 'expected a list of entity refs' },
    )
    .min(1, { error: 'expected at least one entity ref' })
    .max(1000, { error: 'expected at most 1000 entity refs' }),
});
