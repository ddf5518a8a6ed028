import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import type { GovernanceStore } from '../database';
import { dayOf } from '../governance/dayOf';
import type { MeshPolicies } from '../governance/MeshPolicies';
import { canonicalRef } from '../governance/refs';
import {
  domainPathSchema,
  domainQuerySchema,
  parseInput,
  productPathSchema,
  statusesBodySchema,
  summaryQuerySchema,
} from './validation';

export interface GovernanceRouterOptions {
  store: GovernanceStore;
  policies: MeshPolicies;
  httpAuth: HttpAuthService;
  /** The clock, for the last day of a trend; tests set it. */
  now?: () => Date;
}

/**
 * The governance API under /api/data-marketplace/governance (openapi.yaml describes it).
 * Results are as open as the catalog they come from: any signed-in user, and other plugins
 * with their service token (the catalog module reads statuses), may read them; a request
 * without credentials answers 401. Errors are @backstage/errors thrown to the backend's
 * error handler (400, 404).
 */
export async function createGovernanceRouter(
  options: GovernanceRouterOptions,
): Promise<express.Router> {
  const { store, policies, httpAuth } = options;
  const router = Router();
  router.use(express.json());

  const authenticate = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const today = () => dayOf(options.now?.() ?? new Date());

  router.get(
    '/governance/products/:kind/:namespace/:name',
    async (req, res) => {
      await authenticate(req);
      const { kind, namespace, name } = parseInput(
        productPathSchema,
        req.params,
        'path',
      );
      const entityRef = `${kind}:${namespace}/${name}`.toLocaleLowerCase(
        'en-US',
      );
      const product = await store.product(entityRef);
      if (!product) {
        throw new NotFoundError(`No governance result for ${entityRef}`);
      }
      res.json(product);
    },
  );

  const domainRoute = async (req: Request, res: express.Response) => {
    await authenticate(req);
    const { namespace, name } = parseInput(
      domainPathSchema,
      req.params,
      'path',
    );
    const { days } = parseInput(domainQuerySchema, req.query, 'query');
    const domainRef = `domain:${namespace}/${name}`.toLocaleLowerCase('en-US');
    res.json(await store.domain(domainRef, { today: today(), days }));
  };
  router.get('/governance/domains/:name', domainRoute);
  router.get('/governance/domains/:namespace/:name', domainRoute);

  router.get('/governance/summary', async (req, res) => {
    await authenticate(req);
    const { days, limit } = parseInput(summaryQuerySchema, req.query, 'query');
    res.json(
      await store.summary({
        worstOffenders: limit,
        trend: { today: today(), days },
      }),
    );
  });

  // Many products at once, for marketplace badges: keyed by the refs as the caller wrote
  // them; a ref without a result is left out.
  router.post('/governance/statuses', async (req, res) => {
    await authenticate(req);
    const { entityRefs } = parseInput(statusesBodySchema, req.body, 'body');
    const canonical = new Map(entityRefs.map(ref => [ref, canonicalRef(ref)!]));
    const found = await store.statuses([...canonical.values()]);
    const statuses: Record<string, string> = {};
    for (const [ref, key] of canonical) {
      if (found[key]) {
        statuses[ref] = found[key];
      }
    }
    res.json({ statuses });
  });

  router.get('/governance/policies', async (req, res) => {
    await authenticate(req);
    res.json({ items: policies.current() });
  });

  return router;
}
