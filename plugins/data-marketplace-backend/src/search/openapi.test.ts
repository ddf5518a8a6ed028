import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import {
  documentedRoutes,
  expectShape,
  operationOf,
  queryParameterNames,
  responseSchema,
  routerRoutes,
} from '../__testUtils__/openapi';
import { createTestDatabases } from './__testUtils__/databases';
import { seedIndex } from './__testUtils__/seededIndex';
import { MarketplaceIndexStore } from './MarketplaceIndexStore';
import { MarketplaceQuery } from './MarketplaceQuery';
import { createMarketplaceRouter } from './router';
import { productsQuerySchema } from './validation';
import { WHOLE_CATALOG_READ_REQUIRED } from './WholeCatalogReadGate';

/**
 * The package's openapi.yaml is written by hand: these checks keep its marketplace route
 * true to the code (src/service/openapi.test.ts checks the document as a whole).
 */

const databases = createTestDatabases();
const PATH = '/marketplace/products';

async function app(options: { seeded: boolean }) {
  const knex = await databases.init('SQLITE_3');
  const store = await MarketplaceIndexStore.create({
    database: { getClient: async () => knex },
  });
  if (options.seeded) {
    await seedIndex(knex);
  }
  const router = await createMarketplaceRouter({
    query: new MarketplaceQuery(knex),
    store,
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
  });
  return { router, server: express().use(router) };
}

describe('openapi.yaml, the marketplace route', () => {
  it('describes exactly the routes of the marketplace router', async () => {
    const routes = routerRoutes((await app({ seeded: false })).router);
    expect(routes).toEqual([`get ${PATH}`]);
    expect(documentedRoutes('/marketplace/')).toEqual(routes);
  });

  it('answers 400, 401 and 403, and takes the query parameters of its zod schema', () => {
    expect(Object.keys(operationOf(`get ${PATH}`).responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403']),
    );
    expect(queryParameterNames(PATH)).toEqual(
      Object.keys(productsQuerySchema.shape).sort(),
    );
  });

  it('gives the 403 the message the router answers (router.test.ts checks the answer)', () => {
    const forbidden = operationOf(`get ${PATH}`).responses['403'].content[
      'application/json'
    ];
    expect(forbidden.schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(forbidden.example.error).toEqual({
      name: 'NotAllowedError',
      message: WHOLE_CATALOG_READ_REQUIRED,
    });
  });

  it.each([
    ['', true],
    ['?q=ratings&classification=confidential&sort=newest', true],
    ['?governance=failing&tag=leases,credit&limit=1&offset=1', true],
    // Before the first run of the indexer: nothing, and no indexedAt.
    ['', false],
  ])(
    'answers %s of the documented shape (seeded: %s)',
    async (query, seeded) => {
      const res = await request((await app({ seeded })).server).get(
        `${PATH}${query}`,
      );
      expect(res.status).toBe(200);
      expectShape(res.body, responseSchema(PATH), PATH);
      expect(res.body.indexedAt === null).toBe(!seeded);
    },
  );
});
