import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { metricsRef } from './refs';

/**
 * Parses a query with its schema, or throws InputError (400) whose message names every
 * field that is wrong, e.g. `Invalid query: period: expected one of week, month`.
 */
export function parseQuery<T extends z.ZodType>(
  schema: T,
  value: unknown,
): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map(issue => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(key => `${key}: unknown field`).join('; ');
    }
    return `${issue.path.join('.') || 'query'}: ${issue.message}`;
  });
  throw new InputError(`Invalid query: ${problems.join('; ')}`);
}

/** A day (`2026-11-01`, its start in UTC) or an instant with a zone; as a Date. */
const instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'expected a date (YYYY-MM-DD) or an ISO 8601 date-time with a zone',
  })
  .transform(
    value => new Date(value.length === 10 ? `${value}T00:00:00Z` : value),
  );

/** `brokerage` or `domain:default/brokerage`, in the store's lower case spelling. */
const domain = z.string().transform((value, ctx) => {
  const ref = metricsRef(value, { defaultKind: 'domain' });
  if (!ref) {
    ctx.addIssue({ code: 'custom', message: 'expected a domain entity ref' });
    return z.NEVER;
  }
  return ref;
});

const cycle = z
  .enum(['1', '2', '3'], { error: 'expected 1, 2 or 3' })
  .transform(value => Number(value) as 1 | 2 | 3);

const period = z
  .enum(['week', 'month'], { error: 'expected week or month' })
  .default('week');

/** `from` (inclusive) and `to` (exclusive) bound when a cycle ended. */
const window = {
  from: instant.optional(),
  to: instant.optional(),
  domain: domain.optional(),
};

function fromBeforeTo<S extends z.ZodType<{ from?: Date; to?: Date }>>(
  schema: S,
): S {
  return schema.refine(q => !q.from || !q.to || q.from < q.to, {
    path: ['to'],
    message: 'must be after from',
  });
}

export const summaryQuerySchema = fromBeforeTo(z.strictObject(window));

export const timeseriesQuerySchema = fromBeforeTo(
  z.strictObject({ cycle, period, ...window }),
);

export const reuseTimeseriesQuerySchema = fromBeforeTo(
  z.strictObject({ period, ...window }),
);

export const exportQuerySchema = fromBeforeTo(
  z.strictObject({
    format: z
      .enum(['csv', 'json'], { error: 'expected csv or json' })
      .default('csv'),
    cycle: cycle.optional(),
    ...window,
  }),
);
