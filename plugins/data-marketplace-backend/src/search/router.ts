import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type express from 'express';
import Router from 'express-promise-router';
import { parseInput } from '../service/validation';
import type { MarketplaceIndexStore } from './MarketplaceIndexStore';
import type { MarketplaceQuery } from './MarketplaceQuery';
import type { MarketplaceProductsResponse } from './types';
import { productsQuerySchema, toQueryRequest } from './validation';
import { WholeCatalogReadGate } from './WholeCatalogReadGate';

export interface MarketplaceRouterOptions {
  query: MarketplaceQuery;
  store: Pick<MarketplaceIndexStore, 'indexedAt'>;
  httpAuth: HttpAuthService;
  /** Decides who may read the index: only who may read every catalog entity. */
  permissions: PermissionsService;
}

/**
 * GET /marketplace/products (openapi.yaml): a page of the marketplace from its index, with
 * the facet counts and when the index was last fed. Only for callers the permission policy
 * lets read every catalog entity (WholeCatalogReadGate: other plugins, and users per the
 * policy); 403 for others, 401 without credentials, 400 naming the field at fault.
 */
export async function createMarketplaceRouter(
  options: MarketplaceRouterOptions,
): Promise<express.Router> {
  const { query, store, httpAuth } = options;
  const gate = new WholeCatalogReadGate({ permissions: options.permissions });
  const router = Router();

  router.get('/marketplace/products', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // Before reading the query: a user refused is told so (and the page reads the catalog)
    // whatever the query.
    await gate.assertMayReadIndex(credentials);
    const request = toQueryRequest(
      parseInput(productsQuerySchema, req.query, 'query'),
    );
    const [result, indexedAt] = await Promise.all([
      query.query(request),
      store.indexedAt(),
    ]);
    const body: MarketplaceProductsResponse = { ...result, indexedAt };
    res.json(body);
  });

  return router;
}
