import { z } from 'zod';
import {
  getPluginJson,
  parseInstant,
  type PluginClientDeps,
} from './pluginClient';

/**
 * An access request as the data-access plugin's GET /metrics/requests gives it: the times
 * of its transitions, from its append-only history.
 */
export interface AccessRequestTimes {
  id: string;
  dataProduct: string;
  consumer: string;
  state: string;
  createdAt: string;
  decidedAt?: string;
  decision?: string;
  provisioningAt?: string;
  grantedAt?: string;
}

const instant = z.string().transform((value, ctx) => {
  const parsed = parseInstant(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: 'expected an ISO instant' });
    return z.NEVER;
  }
  return parsed;
});

const requestSchema = z.object({
  id: z.string(),
  dataProduct: z.string(),
  consumer: z.string(),
  state: z.string(),
  createdAt: instant,
  decidedAt: instant.optional(),
  decision: z.string().optional(),
  provisioningAt: instant.optional(),
  grantedAt: instant.optional(),
});
const pageSchema = z.object({
  items: z.array(z.unknown()),
  nextCursor: z.string().optional(),
});

const PAGE_SIZE = 500;
const MAX_PAGES = 1000;

/** Every access request, oldest first, following the cursor to the end. */
export async function readAccessRequests(
  deps: PluginClientDeps,
  options: { signal?: AbortSignal } = {},
): Promise<AccessRequestTimes[]> {
  const requests: AccessRequestTimes[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor) {
      query.set('cursor', cursor);
    }
    const body = pageSchema.parse(
      await getPluginJson(
        deps,
        'data-access',
        `/metrics/requests?${query}`,
        options.signal,
      ),
    );
    for (const item of body.items) {
      // One malformed row must not hide the others.
      const parsed = requestSchema.safeParse(item);
      if (parsed.success) {
        requests.push(parsed.data);
      }
    }
    cursor = body.nextCursor;
    if (!cursor) {
      break;
    }
  }
  return requests;
}
