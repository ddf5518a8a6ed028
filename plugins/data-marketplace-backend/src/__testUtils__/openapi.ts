import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parse } from 'yaml';

/*
 * The package's openapi.yaml (governance, mesh metrics and marketplace alike) is written by
 * hand; the openapi tests of src/service, src/metrics and src/search keep their routes in
 * it true to the code with these helpers.
 */

export type JsonObject = Record<string, any>;

export const openapiDocument: JsonObject = parse(
  readFileSync(resolve(__dirname, '../../openapi.yaml'), 'utf8'),
);

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The path prefix of each router of the plugin; every documented path has one. */
export const ROUTE_PREFIXES = ['/governance/', '/metrics/', '/marketplace/'];

/** Follows a local `$ref` such as `#/components/schemas/ProductGovernance`. */
export function deref(node: JsonObject): JsonObject {
  if (!node.$ref) {
    return node;
  }
  const target = (node.$ref as string)
    .replace(/^#\//, '')
    .split('/')
    .reduce((at: JsonObject | undefined, key) => at?.[key], openapiDocument);
  if (!target) {
    throw new Error(`Unresolved $ref ${node.$ref}`);
  }
  return deref(target);
}

/** Every `$ref` of the document, e.g. `#/components/schemas/Error`. */
export function allRefs(): string[] {
  return (JSON.stringify(openapiDocument).match(/"\$ref":"[^"]+"/g) ?? []).map(
    ref => JSON.parse(`{${ref}}`).$ref,
  );
}

/** An object schema with its allOf parts merged. */
function flatten(schema: JsonObject): JsonObject {
  const node = deref(schema);
  if (!node.allOf) {
    return node;
  }
  const parts = (node.allOf as JsonObject[]).map(flatten);
  return {
    ...node,
    ...parts.find(p => p.type && p.type !== 'object'),
    properties: Object.assign({}, ...parts.map(p => p.properties ?? {})),
    required: parts.flatMap(p => p.required ?? []),
  };
}

/** Checks that a real answer has exactly the documented fields, all the way down. */
export function expectShape(value: unknown, schema: JsonObject, at: string) {
  const node = flatten(schema);
  if (value === null) {
    expect({ at, nullable: node.nullable }).toEqual({ at, nullable: true });
    return;
  }
  if (node.type === 'array') {
    (value as unknown[]).forEach((item, i) =>
      expectShape(item, node.items, `${at}[${i}]`),
    );
    return;
  }
  if (!node.properties || Object.keys(node.properties).length === 0) {
    return;
  }
  const keys = Object.keys(value as JsonObject);
  expect({ at, unknown: keys.filter(k => !(k in node.properties)) }).toEqual({
    at,
    unknown: [],
  });
  expect({
    at,
    missing: (node.required ?? []).filter((k: string) => !keys.includes(k)),
  }).toEqual({ at, missing: [] });
  for (const key of keys) {
    expectShape(
      (value as JsonObject)[key],
      node.properties[key],
      `${at}.${key}`,
    );
  }
}

/** The routes of an express router, as `get /governance/domains/{name}`, sorted. */
export function routerRoutes(router: { stack: unknown[] }): string[] {
  return (router.stack as JsonObject[])
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
}

/** The operations the document gives under a path prefix, as `get /metrics/summary`, sorted. */
export function documentedRoutes(prefix: string): string[] {
  return Object.entries(openapiDocument.paths as JsonObject)
    .filter(([path]) => path.startsWith(prefix))
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter(key => METHODS.includes(key))
        .map(method => `${method} ${path}`),
    )
    .sort();
}

/** The documented operation of a route, e.g. `get /metrics/summary`. */
export function operationOf(route: string): JsonObject {
  const [method, path] = route.split(' ');
  return openapiDocument.paths[path][method];
}

/** The names of an operation's query parameters, sorted. */
export function queryParameterNames(path: string, method = 'get'): string[] {
  return (
    (openapiDocument.paths[path][method].parameters ?? []) as JsonObject[]
  )
    .map(deref)
    .filter(p => p.in === 'query')
    .map(p => p.name)
    .sort();
}

/** The schema of an operation's 200 answer in JSON. */
export function responseSchema(path: string, method = 'get'): JsonObject {
  const response = deref(openapiDocument.paths[path][method].responses['200']);
  return response.content['application/json'].schema;
}
