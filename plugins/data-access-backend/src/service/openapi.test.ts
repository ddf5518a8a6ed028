import { mockServices } from '@backstage/backend-test-utils';
import {
  ACCESS_REQUEST_STATES,
  createAccessRequestSchema,
  decideAccessRequestSchema,
  endAccessRequestSchema,
  listAccessRequestsQuerySchema,
} from '@datamesh/plugin-data-access-common';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { AccessRequestService } from './AccessRequestService';
import { requestMetricsQuerySchema } from './metricsRoutes';
import { createRouter } from './router';
import {
  MAX_PRODUCTS_PER_GRANTS_REQUEST,
  productGrantsBodySchema,
} from './validation';

/** openapi.yaml is written by hand: these checks keep it true to the code. */

type JsonObject = Record<string, any>;

const document: JsonObject = parse(
  readFileSync(resolve(__dirname, '../../openapi.yaml'), 'utf8'),
);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Follows a local `$ref` such as `#/components/schemas/AccessRequest`. */
function deref(node: JsonObject): JsonObject {
  if (!node.$ref) {
    return node;
  }
  const target = (node.$ref as string)
    .replace(/^#\//, '')
    .split('/')
    .reduce((at: JsonObject | undefined, key) => at?.[key], document);
  if (!target) {
    throw new Error(`Unresolved $ref ${node.$ref}`);
  }
  return deref(target);
}

function bodySchemaOf(path: string, method: string): JsonObject {
  const operation = document.paths[path][method];
  return deref(operation.requestBody.content['application/json'].schema);
}

/** Property names and required fields of an object schema, nested objects included. */
function shapeOf(json: JsonObject): JsonObject {
  const object = deref(json);
  const properties: JsonObject = {};
  for (const name of Object.keys(object.properties).sort()) {
    const property = deref(object.properties[name]);
    properties[name] = property.properties ? shapeOf(property) : 'leaf';
  }
  return { required: [...(object.required ?? [])].sort(), properties };
}

describe('openapi.yaml', () => {
  it('describes exactly the routes of the router', async () => {
    const router = await createRouter({
      service: {} as AccessRequestService,
      httpAuth: mockServices.httpAuth(),
      auditor: mockServices.auditor.mock(),
      purposeCategories: [],
    });
    const routes = (router.stack as JsonObject[])
      .filter(layer => layer.route)
      .flatMap(layer =>
        Object.keys(layer.route.methods).map(
          method =>
            `${method} ${(layer.route.path as string).replace(
              /:(\w+)/g,
              '{$1}',
            )}`,
        ),
      )
      .sort();
    const documented = Object.entries(document.paths as JsonObject)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter(key => METHODS.includes(key))
          .map(method => `${method} ${path}`),
      )
      .sort();
    expect(routes.length).toBeGreaterThan(0);
    expect(documented).toEqual(routes);
  });

  it('resolves every reference, and answers every operation with errors of the same shape', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      expect(() => deref(JSON.parse(`{${ref}}`))).not.toThrow();
    }
    for (const item of Object.values(document.paths as JsonObject)) {
      for (const method of METHODS.filter(m => item[m])) {
        const responses = item[method].responses;
        expect(Object.keys(responses)).toEqual(
          expect.arrayContaining(['401', '403']),
        );
      }
    }
  });

  it.each([
    ['/requests', 'post', createAccessRequestSchema],
    ['/requests/{id}/decision', 'post', decideAccessRequestSchema],
    ['/requests/{id}/cancel', 'post', endAccessRequestSchema],
    ['/requests/{id}/revoke', 'post', endAccessRequestSchema],
    ['/products/grants', 'post', productGrantsBodySchema],
  ])('gives %s %s the fields of its zod schema', (path, method, schema) => {
    const documented = bodySchemaOf(path, method);
    expect(shapeOf(documented)).toEqual(
      shapeOf(z.toJSONSchema(schema, { io: 'input' }) as JsonObject),
    );
    expect(documented.additionalProperties).toBe(false);
  });

  it.each([
    ['/requests', listAccessRequestsQuerySchema],
    ['/metrics/requests', requestMetricsQuerySchema],
  ])('gives GET %s the query parameters of its zod schema', (path, schema) => {
    const parameters = (document.paths[path].get.parameters as JsonObject[])
      .map(deref)
      .filter(p => p.in === 'query')
      .map(p => p.name)
      .sort();
    expect(parameters).toEqual(Object.keys(schema.shape).sort());
  });

  it('bounds the refs of POST /products/grants as the code does', () => {
    const entityRefs = bodySchemaOf('/products/grants', 'post').properties
      .entityRefs;
    expect([entityRefs.minItems, entityRefs.maxItems]).toEqual([
      1,
      MAX_PRODUCTS_PER_GRANTS_REQUEST,
    ]);
  });

  it('names the request states of the common package', () => {
    expect(document.components.schemas.AccessRequestState.enum).toEqual([
      ...ACCESS_REQUEST_STATES,
    ]);
  });
});
