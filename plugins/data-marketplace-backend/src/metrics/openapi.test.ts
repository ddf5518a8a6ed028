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
import { createStore, createTestDatabases } from './__testUtils__/databases';
import { seededEvents, seededReuse } from './__testUtils__/seededHistory';
import { createMetricsRouter } from './router';
import {
  exportQuerySchema,
  reuseTimeseriesQuerySchema,
  summaryQuerySchema,
  timeseriesQuerySchema,
} from './validation';

/**
 * The package's openapi.yaml is written by hand: these checks keep its metrics routes true
 * to the code (src/service/openapi.test.ts checks the governance routes and the document as
 * a whole).
 */

const databases = createTestDatabases();

async function seededApp() {
  const store = await createStore(await databases.init('SQLITE_3'));
  await store.addCycleEvents(seededEvents);
  for (const day of new Set(seededReuse.map(row => row.day))) {
    await store.saveReuseSnapshot(
      day,
      seededReuse.filter(row => row.day === day),
    );
  }
  const router = await createMetricsRouter({
    store,
    httpAuth: mockServices.httpAuth(),
  });
  return express().use(router);
}

describe('openapi.yaml, the metrics routes', () => {
  it('describes exactly the routes of the metrics router', async () => {
    const router = await createMetricsRouter({
      store: {} as any,
      httpAuth: mockServices.httpAuth(),
    });
    const routes = routerRoutes(router);
    expect(routes).toHaveLength(4);
    expect(documentedRoutes('/metrics/')).toEqual(routes);
  });

  it('answers 400 and 401 on every metrics operation', () => {
    for (const route of documentedRoutes('/metrics/')) {
      expect({
        route,
        codes: Object.keys(operationOf(route).responses),
      }).toEqual({
        route,
        codes: expect.arrayContaining(['200', '400', '401']),
      });
    }
  });

  it.each([
    ['/metrics/summary', summaryQuerySchema],
    ['/metrics/timeseries', timeseriesQuerySchema],
    ['/metrics/reuse/timeseries', reuseTimeseriesQuerySchema],
    ['/metrics/export', exportQuerySchema],
  ])('gives GET %s the query parameters of its zod schema', (path, schema) => {
    expect(queryParameterNames(path)).toEqual(Object.keys(schema.shape).sort());
  });

  it.each([
    ['/metrics/summary', '/metrics/summary?from=2026-11-01'],
    ['/metrics/summary', '/metrics/summary?from=2020-01-01&to=2020-01-02'],
    ['/metrics/timeseries', '/metrics/timeseries?cycle=3&period=week'],
    ['/metrics/timeseries', '/metrics/timeseries?cycle=1&period=month'],
    ['/metrics/reuse/timeseries', '/metrics/reuse/timeseries?period=week'],
    ['/metrics/export', '/metrics/export?format=json'],
  ])('gives %s answers of the documented shape (%s)', async (path, url) => {
    const res = await request(await seededApp()).get(url);
    expect(res.status).toBe(200);
    expectShape(res.body, responseSchema(path), path);
  });
});
