import type {
  AuditorService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  createAccessRequestSchema,
  decideAccessRequestSchema,
  endAccessRequestSchema,
  listAccessRequestsQuerySchema,
  type AccessRequest,
} from '@datamesh/plugin-data-access-common';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import type { AccessRequestService } from './AccessRequestService';
import { audited } from './audit';
import { addMetricsRoutes } from './metricsRoutes';
import type { PurposeCategory } from './purposes';
import type { RequestMetricsReader } from './requestMetrics';
import { parseInput, productGrantsBodySchema } from './validation';

export interface RouterOptions {
  service: AccessRequestService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  purposeCategories: PurposeCategory[];
  /** Serves GET /metrics/requests to services (the mesh metrics); 503 without it. */
  requestMetrics?: RequestMetricsReader;
}

/**
 * The REST API under /api/data-access (openapi.yaml describes it). Every route is for
 * signed-in users: httpAuth answers 401 without credentials and 403 for a service, except
 * the grants (users and services) and the metrics (services only). Errors
 * are @backstage/errors thrown to the backend's error handler (400, 403, 404, 409).
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { service, httpAuth, auditor, purposeCategories } = options;
  const router = Router();
  router.use(express.json());

  const userCredentials = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user'] });
  const summary = (request: AccessRequest) => ({
    state: request.state,
    version: request.version,
  });

  router.get('/purposes', async (req, res) => {
    await userCredentials(req);
    res.json({ items: purposeCategories });
  });

  router.post('/requests', async (req, res) => {
    const credentials = await userCredentials(req);
    const body = parseInput(createAccessRequestSchema, req.body, 'body');
    const idempotencyKey = parseIdempotencyKey(req.header('Idempotency-Key'));
    const { request, created } = await audited(
      auditor,
      {
        eventId: 'access-request-create',
        request: req,
        severityLevel: 'low',
        meta: {
          dataProduct: body.dataProduct,
          outputPort: body.outputPort,
          purposeCategory: body.purpose.category,
        },
      },
      () => service.create(body, { credentials, idempotencyKey }),
      result => ({ id: result.request.id, created: result.created }),
    );
    res.status(created ? 201 : 200).json(request);
  });

  router.get('/requests', async (req, res) => {
    const credentials = await userCredentials(req);
    const query = parseInput(listAccessRequestsQuerySchema, req.query, 'query');
    res.json(await service.list(query, credentials));
  });

  router.get('/requests/:id', async (req, res) => {
    const credentials = await userCredentials(req);
    res.json(await service.get(req.params.id, credentials));
  });

  router.get('/requests/:id/history', async (req, res) => {
    const credentials = await userCredentials(req);
    res.json({ items: await service.history(req.params.id, credentials) });
  });

  router.post('/requests/:id/decision', async (req, res) => {
    const credentials = await userCredentials(req);
    const body = parseInput(decideAccessRequestSchema, req.body, 'body');
    const { id } = req.params;
    const request = await audited(
      auditor,
      {
        eventId: 'access-request-decide',
        request: req,
        meta: { id, decision: body.decision, version: body.version },
      },
      () => service.decide(id, body, credentials),
      summary,
    );
    res.json(request);
  });

  router.post('/requests/:id/cancel', async (req, res) => {
    const credentials = await userCredentials(req);
    const body = parseInput(endAccessRequestSchema, req.body, 'body');
    const { id } = req.params;
    const request = await audited(
      auditor,
      { eventId: 'access-request-cancel', request: req, meta: { id } },
      () => service.cancel(id, body, credentials),
      summary,
    );
    res.json(request);
  });

  router.post('/requests/:id/revoke', async (req, res) => {
    const credentials = await userCredentials(req);
    const body = parseInput(endAccessRequestSchema, req.body, 'body');
    const { id } = req.params;
    const request = await audited(
      auditor,
      {
        eventId: 'access-request-revoke',
        request: req,
        severityLevel: 'high',
        meta: { id },
      },
      () => service.revoke(id, body, credentials),
      summary,
    );
    res.json(request);
  });

  // Consumers are public in the mesh: services may read them too (the catalog module
  // turns them into relations).
  router.get('/products/:kind/:namespace/:name/grants', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    res.json({
      items: await service.grants(`${kind}:${namespace}/${name}`, credentials),
    });
  });

  // The same, for many products in one call: the catalog module asks for the products it
  // processes together. Keyed by the refs as the caller wrote them.
  router.post('/products/grants', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { entityRefs } = parseInput(
      productGrantsBodySchema,
      req.body,
      'body',
    );
    const grants = await service.grantsOfProducts(entityRefs, credentials);
    res.json({ items: Object.fromEntries(grants) });
  });

  addMetricsRoutes(router, {
    httpAuth,
    requestMetrics: options.requestMetrics,
  });

  return router;
}

/** An opaque client token; bounded so it fits the store's column. */
function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!/^[\x21-\x7e]{1,255}$/.test(value)) {
    throw new InputError(
      'Idempotency-Key: expected 1 to 255 visible ASCII characters',
    );
  }
  return value;
}
