import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type express from 'express';
import Router from 'express-promise-router';
import { parseInput } from '../service/validation';
import type { MarketplaceIndexStore } from './MarketplaceIndexStore';
import type { MarketplaceQuery } from './MarketplaceQuery';
import type { MarketplaceProductsResponse } from './types';
import { productsQuerySchema, toQueryRequest } from './validation';

export interface MarketplaceRouterOptions {
  query: MarketplaceQuery;
  store: Pick<MarketplaceIndexStore, 'indexedAt'>;
  httpAuth: HttpAuthService;
}

/**
 * GET /marketplace/products (openapi.yaml): a page of the marketplace from its index, with
 * the facet counts and when the index was last fed. For signed-in users and for services,
 * as the catalog the index mirrors; 401 without credentials, 400 naming the field at fault.
 */
export async function createMarketplaceRouter(
  options: MarketplaceRouterOptions,
): Promise<express.Router> {
  const { query, store, httpAuth } = options;
  const router = Router();

  router.get('/marketplace/products', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
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
