import { InputError } from '@backstage/errors';
import { z } from 'zod';

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

/** The most products one `POST /products/grants` may ask about. */
export const MAX_PRODUCTS_PER_GRANTS_REQUEST = 100;

/** The body of `POST /products/grants`: the products, as full entity refs. */
export const productGrantsBodySchema = z.strictObject({
  entityRefs: z
    .array(
      z
        .string({ error: 'expected an entity ref' })
        .max(512, { error: 'expected at most 512 characters' })
        .regex(
          /^[a-z][a-z0-9-]*:[a-z0-9][a-z0-9_.-]*\/[a-z0-9][a-z0-9_.-]*$/i,
          {
            error:
              'expected an entity ref such as dataproduct:default/tenancy-analytics',
          },
        ),
      { error: 'expected a list of entity refs' },
    )
    .min(1, { error: 'expected at least one entity ref' })
    .max(MAX_PRODUCTS_PER_GRANTS_REQUEST, {
      error: `expected at most ${MAX_PRODUCTS_PER_GRANTS_REQUEST} entity refs`,
    }),
});
