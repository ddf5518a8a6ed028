import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  allRefs,
  deref,
  documentedRoutes,
  expectShape,
  METHODS,
  openapiDocument as document,
  queryParameterNames,
  responseSchema,
  ROUTE_PREFIXES,
  routerRoutes,
  type JsonObject,
} from '../__testUtils__/openapi';
import {
  BROKERAGE,
  createStore,
  record,
} from '../database/__testUtils__/storeTestKit';
import { MeshPolicies } from '../governance/MeshPolicies';
import { createGovernanceRouter } from './router';
import { domainQuerySchema, summaryQuerySchema } from './validation';

/**
 * The package's openapi.yaml is written by hand: these checks keep its governance routes,
 * and the document as a whole, true to the code (src/metrics/openapi.test.ts checks the
 * metrics routes).
 */

describe('openapi.yaml, the governance routes and the document as a whole', () => {
  it('describes exactly the routes of the governance router', async () => {
    const router = await createGovernanceRouter({
      store: {} as any,
      policies: {} as MeshPolicies,
      httpAuth: mockServices.httpAuth(),
    });
    const routes = routerRoutes(router);
    expect(routes).toHaveLength(6);
    expect(documentedRoutes('/governance/')).toEqual(routes);
  });

  it('documents only paths of the governance, metrics and marketplace routers', () => {
    expect(
      Object.keys(document.paths).filter(
        path => !ROUTE_PREFIXES.some(prefix => path.startsWith(prefix)),
      ),
    ).toEqual([]);
  });

  it('resolves every reference, and answers 401 on every operation', () => {
    for (const $ref of allRefs()) {
      expect(() => deref({ $ref })).not.toThrow();
    }
    for (const [path, item] of Object.entries<JsonObject>(document.paths)) {
      for (const method of METHODS.filter(m => item[m])) {
        expect({ path, codes: Object.keys(item[method].responses) }).toEqual({
          path,
          codes: expect.arrayContaining(['200', '401']),
        });
      }
    }
  });

  it('uses every component it defines', () => {
    const refs = new Set(allRefs());
    const unused = ['schemas', 'parameters', 'responses'].flatMap(kind =>
      Object.keys(document.components[kind])
        .map(name => `#/components/${kind}/${name}`)
        .filter(ref => !refs.has(ref)),
    );
    expect(unused).toEqual([]);
  });

  it.each([
    ['/governance/summary', summaryQuerySchema],
    ['/governance/domains/{name}', domainQuerySchema],
    ['/governance/domains/{namespace}/{name}', domainQuerySchema],
  ])('gives GET %s the query parameters of its zod schema', (path, schema) => {
    expect(queryParameterNames(path)).toEqual(Object.keys(schema.shape).sort());
  });

  describe('response schemas', () => {
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

    it('have exactly the fields the store answers', async () => {
      expect.hasAssertions();
      const store = await createStore(await databases.init('SQLITE_3'));
      const at = new Date('2026-11-21T10:00:00Z');
      await store.applyChanges({
        write: [
          record('tenancy-analytics', 'failing'),
          record('orphan', 'warning', { domain: undefined, owner: undefined }),
        ],
        remove: [],
        at,
      });
      await store.takeSnapshot('2026-11-21', { replace: false, at });
      const trend = { today: '2026-11-21', days: 7 };

      // Before any run: lastRun is null.
      expectShape(
        await store.summary({ worstOffenders: 5, trend }),
        responseSchema('/governance/summary'),
        'summary',
      );
      await store.recordRun({
        products: 2,
        written: 2,
        removed: 0,
        durationMs: 3,
        at,
      });
      expectShape(
        await store.summary({ worstOffenders: 5, trend }),
        responseSchema('/governance/summary'),
        'summary',
      );
      expectShape(
        await store.domain(BROKERAGE, trend),
        responseSchema('/governance/domains/{name}'),
        'domain',
      );
      expectShape(
        await store.product('dataproduct:default/tenancy-analytics'),
        responseSchema('/governance/products/{kind}/{namespace}/{name}'),
        'product',
      );
      const policies = MeshPolicies.fromConfig(
        new ConfigReader({
          datamesh: {
            governance: {
              policies: [
                {
                  id: 'mesh/support',
                  type: 'required-fields',
                  severity: 'warning',
                  appliesTo: { selector: 'spec.type=aggregate' },
                  params: { fields: ['spec.support'] },
                },
              ],
            },
          },
        }),
        mockServices.logger.mock(),
      );
      expectShape(
        { items: policies.current() },
        responseSchema('/governance/policies'),
        'policies',
      );
    });
  });
});
