import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import type { Router } from 'express';
import { z } from 'zod';
import type { RequestMetricsReader } from './requestMetrics';
import { parseInput } from './validation';

/** The query of GET /metrics/requests. */
export const requestMetricsQuerySchema = z.strictObject({
  /** The `nextCursor` of the previous page. */
  cursor: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

/**
 * Routes for the mesh metrics of the data-marketplace backend, which collects them on a
 * schedule with its own service token. Services only: a user has the requests API, which
 * applies their permissions; this route reads every request, so it must not serve people.
 */
export function addMetricsRoutes(
  router: Router,
  options: { httpAuth: HttpAuthService; requestMetrics?: RequestMetricsReader },
) {
  const { httpAuth, requestMetrics } = options;

  router.get('/metrics/requests', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const query = parseInput(requestMetricsQuerySchema, req.query, 'query');
    if (!requestMetrics) {
      throw new ServiceUnavailableError(
        'Request metrics are not wired into this data-access backend',
      );
    }
    res.json(await requestMetrics.list(query));
  });
}
