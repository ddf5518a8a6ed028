import { z } from 'zod';
import { ACCESS_REQUEST_STATES } from './states';

/**
 * The bodies and queries of the data-access REST API, validated at the edge by the backend
 * and typed for the frontend client. Entity refs are written in full (`kind:namespace/name`).
 */

const entityRef = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*:[a-z0-9][a-z0-9_.-]*\/[a-z0-9][a-z0-9_.-]*$/i,
    'expected an entity ref such as dataproduct:default/tenancy-analytics',
  );

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2027-03-31');

export const createAccessRequestSchema = z.strictObject({
  dataProduct: entityRef,
  outputPort: z.string().trim().min(1, 'expected the name of an output port'),
  purpose: z.strictObject({
    category: z.string().trim().min(1, 'expected a purpose category'),
    text: z
      .string()
      .trim()
      .min(10, 'expected the purpose in a sentence (10 characters or more)')
      .max(2000, 'expected at most 2000 characters'),
  }),
  /** Defaults to the requester. */
  consumer: entityRef.optional(),
  endDate: isoDate.optional(),
});
export type CreateAccessRequest = z.infer<typeof createAccessRequestSchema>;

export const decideAccessRequestSchema = z
  .strictObject({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(2000).optional(),
    /** The version of the request the decider saw; a newer one means someone acted first. */
    version: z.number().int().positive(),
  })
  .refine(body => body.decision !== 'reject' || Boolean(body.reason), {
    path: ['reason'],
    message: 'a rejection needs a reason',
  });
export type DecideAccessRequest = z.infer<typeof decideAccessRequestSchema>;

export const endAccessRequestSchema = z.strictObject({
  reason: z.string().trim().max(2000).optional(),
});
export type EndAccessRequest = z.infer<typeof endAccessRequestSchema>;

export const listAccessRequestsQuerySchema = z.strictObject({
  /** `mine`: asked by me; `to-decide`: waiting for my decision; `all`: all I may read. */
  view: z.enum(['mine', 'to-decide', 'all']).default('all'),
  dataProduct: entityRef.optional(),
  /** One state, or several separated by commas. */
  state: z
    .string()
    .transform(value => value.split(',').map(s => s.trim()))
    .pipe(z.array(z.enum(ACCESS_REQUEST_STATES)))
    .optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAccessRequestsQuery = z.infer<
  typeof listAccessRequestsQuerySchema
>;
