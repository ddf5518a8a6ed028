import { GOVERNANCE_STATUSES } from '@datamesh/plugin-data-mesh-common';
import { z } from 'zod';
import { metricsRef } from '../metrics/refs';
import { MAX_VALUE_LENGTH } from './tables';
import {
  MARKETPLACE_SORTS,
  type MarketplaceFilters,
  type MarketplaceQueryRequest,
} from './types';

/** Values one facet may select: more is no marketplace page, only a heavier query. */
const MAX_VALUES = 50;
/** Longest search term: enough for any phrase, short of a document. */
const MAX_TERM_LENGTH = 200;
export const DEFAULT_LIMIT = 24;
export const MAX_LIMIT = 100;

/**
 * A facet's selection: the parameter repeated (`tag=a&tag=b`), a comma list (`tag=a,b`) or
 * both, each value normalized as the index stores it, or an issue naming the value.
 */
function selection(
  normalize: (value: string) => string | undefined,
  expected: string,
) {
  return z
    .union([z.string(), z.array(z.string())], {
      error: 'expected a value, repeated or comma-separated',
    })
    .transform((input, ctx) => {
      const raw = (Array.isArray(input) ? input : [input])
        .flatMap(value => value.split(','))
        .map(value => value.trim())
        .filter(Boolean);
      if (raw.length > MAX_VALUES) {
        ctx.addIssue({
          code: 'custom',
          message: `at most ${MAX_VALUES} values`,
        });
        return z.NEVER;
      }
      const values = new Set<string>();
      for (const value of raw) {
        const normalized =
          value.length <= MAX_VALUE_LENGTH ? normalize(value) : undefined;
        if (normalized === undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `"${value}" is not ${expected}`,
          });
        } else {
          values.add(normalized);
        }
      }
      return [...values];
    });
}

const lowercase = (value: string) => value.toLocaleLowerCase('en-US');
/** `brokerage` or `domain:default/brokerage`, as the index keeps refs. */
const ref = (defaultKind: string) => (value: string) =>
  metricsRef(value, { defaultKind });

export const productsQuerySchema = z.strictObject({
  q: z
    .string({ error: 'expected one search term' })
    .max(MAX_TERM_LENGTH, { error: `at most ${MAX_TERM_LENGTH} characters` })
    .optional(),
  domain: selection(ref('domain'), 'a domain entity ref').optional(),
  owner: selection(ref('group'), 'an owner entity ref').optional(),
  type: selection(lowercase, 'a product type').optional(),
  classification: selection(lowercase, 'a classification').optional(),
  lifecycle: selection(lowercase, 'a lifecycle').optional(),
  tag: selection(lowercase, 'a tag').optional(),
  port: selection(lowercase, 'an output port type').optional(),
  governance: selection(
    value =>
      (GOVERNANCE_STATUSES as readonly string[]).includes(lowercase(value))
        ? lowercase(value)
        : undefined,
    `one of ${GOVERNANCE_STATUSES.join(', ')}`,
  ).optional(),
  sort: z
    .enum(MARKETPLACE_SORTS, {
      error: `expected one of ${MARKETPLACE_SORTS.join(', ')}`,
    })
    .default('relevance'),
  offset: z.coerce
    .number({ error: 'expected a number' })
    .int({ error: 'expected a whole number' })
    .min(0, { error: 'must be 0 or more' })
    .default(0),
  limit: z.coerce
    .number({ error: 'expected a number' })
    .int({ error: 'expected a whole number' })
    .min(1, { error: 'must be 1 or more' })
    .max(MAX_LIMIT, { error: `at most ${MAX_LIMIT}` })
    .default(DEFAULT_LIMIT),
});

export type ProductsQuery = z.output<typeof productsQuerySchema>;

/** The parsed query as MarketplaceQuery takes it. */
export function toQueryRequest(query: ProductsQuery): MarketplaceQueryRequest {
  const { q, sort, offset, limit, ...facets } = query;
  const filters: MarketplaceFilters = {};
  for (const [facet, values] of Object.entries(facets)) {
    if (values?.length) {
      filters[facet as keyof MarketplaceFilters] = values;
    }
  }
  return { term: q, filters, sort, offset, limit };
}
