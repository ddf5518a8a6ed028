import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  Server,
  startMarketplaceBackend,
  waitForCatalog,
} from './__testUtils__/startMarketplaceBackend';

/**
 * The governance API in a real backend: the plugin on its real store (each database
 * engine), the real catalog with the data-mesh module reading the demo mesh
 * (catalog-info/), and mesh-wide policies in config.
 *
 * With these policies, in the demo mesh: property-portfolio (asset, a DPDS product) has no
 * classification and no contracts (failing); credit-risk-dashboard's contract declares no
 * quality rules (warning); the other three pass.
 */

jest.setTimeout(120_000);

const contractQuality = (severity: 'error' | 'warning') => ({
  id: 'mesh/contract-quality',
  type: 'contract-quality-declared',
  severity,
});
const POLICIES = [
  {
    id: 'mesh/classification',
    type: 'required-fields',
    severity: 'error',
    description: 'Every product is classified.',
    params: { fields: ['spec.classification'] },
  },
  { id: 'mesh/owner-group', type: 'owner-group-exists', severity: 'error' },
  {
    id: 'mesh/output-port-contract',
    type: 'output-port-contract',
    severity: 'error',
  },
  contractQuality('warning'),
];

const API = '/api/data-marketplace/governance';
const PORTFOLIO = 'dataproduct:default/property-portfolio';
const DASHBOARD = 'dataproduct:default/credit-risk-dashboard';
const TENANCY = 'dataproduct:default/tenancy-analytics';
const user = mockCredentials.user.header('user:default/kwame.mensah');

describe('the governance API', () => {
  const databases = TestDatabases.create({
    ids: [
      'POSTGRES_18',
      'POSTGRES_17',
      'POSTGRES_16',
      'POSTGRES_15',
      'POSTGRES_14',
      'POSTGRES_13',
      'SQLITE_3',
    ],
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    let backend: Awaited<ReturnType<typeof startMarketplaceBackend>>;
    let server: Server;
    const get = (path: string) =>
      request(server).get(`${API}${path}`).set('Authorization', user);

    beforeAll(async () => {
      backend = await startMarketplaceBackend({
        knex: await databases.init(databaseId),
        catalogKnex: await databases.init('SQLITE_3'),
        policies: POLICIES,
      });
      server = backend.server;
      await waitForCatalog(server, 'kind=dataproduct', 5);
      await waitForCatalog(server, 'kind=domain', 3);
      await waitForCatalog(server, 'kind=group', 6);
      await waitForCatalog(server, 'kind=api,spec.type=data-contract', 4);
      await backend.evaluate();
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it("gives a product's result, with what to fix", async () => {
      const res = await get('/products/dataproduct/default/property-portfolio');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        entityRef: PORTFOLIO,
        domain: 'domain:default/asset',
        owner: 'group:default/asset-data-team',
        status: 'failing',
        evaluatedAt: expect.any(String),
      });
      expect(res.body.failedErrors).toBeGreaterThanOrEqual(2);
      expect(res.body.results).toContainEqual({
        ruleId: 'mesh/classification',
        severity: 'error',
        passed: false,
        message: expect.stringContaining('spec.classification'),
        path: 'spec.classification',
      });
      expect(res.body.results).toContainEqual(
        expect.objectContaining({ ruleId: 'mesh/owner-group', passed: true }),
      );

      // Refs are case-insensitive, as in the catalog.
      const upper = await get(
        '/products/DataProduct/default/Tenancy-Analytics',
      );
      expect(upper.body).toMatchObject({
        entityRef: TENANCY,
        status: 'passing',
      });
    });

    it('answers 404 for a product without a result', async () => {
      const res = await get('/products/dataproduct/default/no-such-product');
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(
        'No governance result for dataproduct:default/no-such-product',
      );
    });

    it('gives a domain: its compliance, rules and products', async () => {
      const asset = await get('/domains/asset');
      expect(asset.status).toBe(200);
      expect(asset.body).toMatchObject({
        domain: 'domain:default/asset',
        totals: { products: 1, failing: 1, compliance: 0 },
        products: [{ entityRef: PORTFOLIO, status: 'failing' }],
      });
      expect(asset.body.rules).toContainEqual({
        ruleId: 'mesh/classification',
        passed: 0,
        failed: 1,
        compliance: 0,
      });

      const capital = await get('/domains/default/capital-markets?days=7');
      expect(capital.body.totals).toEqual({
        products: 2,
        passing: 1,
        warning: 1,
        failing: 0,
        compliance: 100,
      });
      expect(capital.body.products.map((p: any) => p.entityRef)).toEqual([
        DASHBOARD,
        'dataproduct:default/rental-income-forecast',
      ]);
      expect(capital.body.trend).toHaveLength(1);
    });

    it('gives the mesh: per domain, per rule, the worst offenders and the trend', async () => {
      const res = await get('/summary?limit=1&days=30');
      expect(res.status).toBe(200);
      const { lastRun, totals, domains, rules, worstOffenders, trend } =
        res.body;
      expect(lastRun).toMatchObject({ products: 5 });
      expect(totals).toEqual({
        products: 5,
        passing: 3,
        warning: 1,
        failing: 1,
        compliance: 80,
      });
      expect(domains.map((d: any) => [d.domain, d.compliance])).toEqual([
        ['domain:default/asset', 0],
        ['domain:default/brokerage', 100],
        ['domain:default/capital-markets', 100],
      ]);
      expect(rules.map((r: any) => r.ruleId)).toEqual([
        'mesh/classification',
        'mesh/contract-quality',
        'mesh/output-port-contract',
        'mesh/owner-group',
      ]);
      expect(rules[3]).toEqual({
        ruleId: 'mesh/owner-group',
        passed: 5,
        failed: 0,
        compliance: 100,
      });
      expect(worstOffenders.map((p: any) => p.entityRef)).toEqual([PORTFOLIO]);
      expect(trend).toEqual([
        expect.objectContaining({
          day: lastRun.finishedAt.slice(0, 10),
          products: 5,
          failing: 1,
        }),
      ]);

      const all = await get('/summary');
      expect(all.body.worstOffenders.map((p: any) => p.entityRef)).toEqual([
        PORTFOLIO,
        DASHBOARD,
      ]);
    });

    it('gives the statuses of many products at once, keyed as asked', async () => {
      const res = await request(server)
        .post(`${API}/statuses`)
        .set('Authorization', user)
        .send({
          entityRefs: [
            TENANCY,
            'DataProduct:default/Property-Portfolio',
            'dataproduct:default/unknown',
          ],
        });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        statuses: {
          [TENANCY]: 'passing',
          'DataProduct:default/Property-Portfolio': 'failing',
        },
      });
    });

    it('gives the mesh-wide policies in force', async () => {
      const res = await get('/policies');
      expect(res.status).toBe(200);
      expect(res.body.items.map((r: any) => r.id)).toEqual(
        POLICIES.map(p => p.id),
      );
      // As parsed: defaults filled in.
      expect(res.body.items[0]).toMatchObject({
        id: 'mesh/classification',
        description: 'Every product is classified.',
        enabled: true,
        appliesTo: { kind: 'DataProduct' },
      });
    });

    it.each([
      ['/summary?days=0', 'Invalid query: days: expected at least 1 day'],
      ['/summary?limit=many', 'Invalid query: limit: expected a whole number'],
      ['/summary?limit=500', 'Invalid query: limit: expected at most 100'],
      ['/summary?sort=name', 'Invalid query: sort: unknown field'],
      [
        '/domains/asset?days=1.5',
        'Invalid query: days: expected a whole number',
      ],
      ['/domains/as%20set', 'Invalid path: name: expected a domain name'],
      [
        '/products/dataproduct/default/bad%2Fname',
        'Invalid path: name: expected an entity name',
      ],
    ])('answers 400 for %s, naming the field', async (path, message) => {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(message);
    });

    it('answers 400 for a status list with a ref that has no kind', async () => {
      const res = await request(server)
        .post(`${API}/statuses`)
        .set('Authorization', user)
        .send({ entityRefs: [TENANCY, 'tenancy-analytics'] });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /^Invalid body: entityRefs\[1\]: expected an entity ref with its kind/,
      );
    });

    it.each([
      ['get', '/products/dataproduct/default/tenancy-analytics'],
      ['get', '/domains/asset'],
      ['get', '/summary'],
      ['get', '/policies'],
      ['post', '/statuses'],
    ] as const)(
      'answers 401 to %s %s without credentials',
      async (method, path) => {
        const res = await request(server)[method](`${API}${path}`);
        expect(res.status).toBe(401);
      },
    );

    it('lets other plugins read with their service credentials', async () => {
      const res = await request(server)
        .get(`${API}/products/dataproduct/default/tenancy-analytics`)
        .set('Authorization', mockCredentials.service.header());
      expect(res.status).toBe(200);
    });

    it('evaluates with the policies of a changed config on the next run', async () => {
      backend.setPolicies([...POLICIES.slice(0, 3), contractQuality('error')]);
      await backend.evaluate();
      expect((await get('/policies')).body.items[3].severity).toBe('error');
      const dashboard = await get(
        '/products/dataproduct/default/credit-risk-dashboard',
      );
      expect(dashboard.body).toMatchObject({
        status: 'failing',
        failedErrors: 1,
        failedWarnings: 0,
      });
      const summary = await get('/summary');
      expect(summary.body.totals).toMatchObject({ failing: 2, warning: 0 });
      // The day's snapshot follows the change: still one point for today.
      expect(summary.body.trend).toEqual([
        expect.objectContaining({ failing: 2 }),
      ]);

      backend.setPolicies(POLICIES);
      await backend.evaluate();
      expect(
        (await get('/products/dataproduct/default/credit-risk-dashboard')).body
          .status,
      ).toBe('warning');
    });
  });

  it('refuses to start with invalid policies, naming the config path', async () => {
    await expect(
      startMarketplaceBackend({
        knex: await databases.init('SQLITE_3'),
        catalogKnex: await databases.init('SQLITE_3'),
        policies: [
          ...POLICIES,
          { id: 'mesh/typo', type: 'no-such-rule', severity: 'error' },
        ],
      }),
    ).rejects.toThrow(/datamesh\.governance\.policies\[4\]\.type/);
  });
});
