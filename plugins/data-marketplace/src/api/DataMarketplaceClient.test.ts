/** @jest-environment node */
import { ResponseError } from '@backstage/errors';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataMarketplaceClient } from './DataMarketplaceClient';
import type {
  MarketplaceProductsResponse,
  MeshGovernanceSummary,
  ProductGovernance,
} from './types';

/** What the server saw of one request. */
interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** The answer the server gives to the next request: JSON, unless `text` is set. */
interface Answer {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

const product: ProductGovernance = {
  entityRef: 'dataproduct:default/entity-ratings',
  domain: 'domain:default/brokerage',
  owner: 'group:default/brokerage-data-team',
  status: 'warning',
  failedErrors: 0,
  failedWarnings: 1,
  evaluatedAt: '2026-11-20T08:00:00.000Z',
  results: [
    {
      ruleId: 'mesh/support-channel',
      severity: 'warning',
      passed: false,
      message: 'Add spec.support so consumers know where to get help',
      path: 'spec.support',
    },
  ],
};

describe('DataMarketplaceClient', () => {
  let server: http.Server;
  let baseUrl: string;
  let recorded: Recorded[];
  let answer: Answer;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', chunk => chunks.push(chunk));
      req.on('end', () => {
        recorded.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const isText = answer.text !== undefined;
        res.writeHead(answer.status, {
          'Content-Type': isText ? 'text/csv' : 'application/json',
          ...answer.headers,
        });
        res.end(isText ? answer.text : JSON.stringify(answer.body));
      });
    });
    await new Promise<void>(resolve =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    const { port } = server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}/api/data-marketplace`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  beforeEach(() => {
    recorded = [];
    answer = { status: 200, body: {} };
  });

  /** A client whose fetchApi adds a token, as the app's fetchApi does for the signed-in user. */
  const createClient = () => {
    const getBaseUrl = jest.fn(async () => baseUrl);
    const client = new DataMarketplaceClient({
      discoveryApi: { getBaseUrl },
      fetchApi: {
        fetch: (input, init) =>
          fetch(input, {
            ...init,
            headers: { ...init?.headers, Authorization: 'Bearer user-token' },
          }),
      },
    });
    return { client, getBaseUrl };
  };

  it('reads a product’s result at its lower case path, with the user’s token', async () => {
    answer = { status: 200, body: product };
    const { client, getBaseUrl } = createClient();

    await expect(
      client.getProductGovernance('DataProduct:default/entity-ratings'),
    ).resolves.toEqual(product);
    expect(getBaseUrl).toHaveBeenCalledWith('data-marketplace');
    expect(recorded).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: '/api/data-marketplace/governance/products/dataproduct/default/entity-ratings',
        headers: expect.objectContaining({
          authorization: 'Bearer user-token',
        }),
      }),
    ]);
  });

  it('answers undefined for a product not evaluated yet (404)', async () => {
    answer = {
      status: 404,
      body: {
        error: {
          name: 'NotFoundError',
          message: 'No governance result for dataproduct:default/new-one',
        },
      },
    };
    const { client } = createClient();

    await expect(
      client.getProductGovernance({
        kind: 'DataProduct',
        namespace: 'default',
        name: 'new-one',
      }),
    ).resolves.toBeUndefined();
  });

  it('rejects with a ResponseError carrying the status and the backend’s message', async () => {
    answer = {
      status: 400,
      body: {
        error: {
          name: 'InputError',
          message: 'Invalid query: days: expected at most 366 days',
        },
        response: { statusCode: 400 },
      },
    };
    const { client } = createClient();

    const error = await client
      .getGovernanceSummary({ days: 400 })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(400);
    // The backend's own message travels as the cause (ResponseErrorPanel shows it).
    expect(error.cause.message).toBe(
      'Invalid query: days: expected at most 366 days',
    );
    expect(recorded[0].url).toBe(
      '/api/data-marketplace/governance/summary?days=400',
    );
  });

  it('asks for the summary with its limit and days, and a domain by namespace and name', async () => {
    const summary: MeshGovernanceSummary = {
      lastRun: null,
      totals: {
        products: 0,
        passing: 0,
        warning: 0,
        failing: 0,
        compliance: null,
      },
      domains: [],
      rules: [],
      worstOffenders: [],
      trend: [],
    };
    answer = { status: 200, body: summary };
    const { client } = createClient();

    await expect(
      client.getGovernanceSummary({ limit: 5, days: 90 }),
    ).resolves.toEqual(summary);
    await client.getGovernanceSummary();
    await client.getDomainGovernance('brokerage', { days: 7 });
    await client.getDomainGovernance('domain:finance/Capital-Markets');

    expect(recorded.map(r => r.url)).toEqual([
      '/api/data-marketplace/governance/summary?limit=5&days=90',
      '/api/data-marketplace/governance/summary',
      '/api/data-marketplace/governance/domains/default/brokerage?days=7',
      '/api/data-marketplace/governance/domains/finance/Capital-Markets',
    ]);
  });

  it('posts refs for their statuses, and sends nothing for no refs', async () => {
    answer = {
      status: 200,
      body: { statuses: { 'dataproduct:default/entity-ratings': 'passing' } },
    };
    const { client } = createClient();

    await expect(
      client.getGovernanceStatuses([
        'dataproduct:default/entity-ratings',
        'dataproduct:default/unknown',
      ]),
    ).resolves.toEqual({ 'dataproduct:default/entity-ratings': 'passing' });
    await expect(client.getGovernanceStatuses([])).resolves.toEqual({});

    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      method: 'POST',
      url: '/api/data-marketplace/governance/statuses',
      headers: expect.objectContaining({ 'content-type': 'application/json' }),
    });
    expect(JSON.parse(recorded[0].body)).toEqual({
      entityRefs: [
        'dataproduct:default/entity-ratings',
        'dataproduct:default/unknown',
      ],
    });
  });

  it('lists the policies in force', async () => {
    const policy = {
      id: 'mesh/product-name',
      type: 'naming-pattern',
      severity: 'error',
      description: 'Product names are lowercase words joined by dashes.',
      enabled: true,
      appliesTo: { kind: 'DataProduct' },
      params: { field: 'metadata.name' },
    };
    answer = { status: 200, body: { items: [policy] } };
    const { client } = createClient();

    await expect(client.listGovernancePolicies()).resolves.toEqual([policy]);
    expect(recorded[0].url).toBe('/api/data-marketplace/governance/policies');
  });

  it('passes the metrics window, domain, cycle and period as query parameters', async () => {
    answer = { status: 200, body: { overall: [] } };
    const { client } = createClient();

    await client.getMetricsSummary({
      from: '2026-11-01',
      to: '2026-12-01',
      domain: 'domain:default/brokerage',
    });
    await client.getMetricsSummary();
    await client.getCycleTimeseries({ cycle: 3, period: 'month' });
    await client.getReuseTimeseries({
      period: 'week',
      domain: 'domain:default/asset',
    });

    expect(recorded.map(r => decodeURIComponent(r.url))).toEqual([
      '/api/data-marketplace/metrics/summary?from=2026-11-01&to=2026-12-01&domain=domain:default/brokerage',
      '/api/data-marketplace/metrics/summary',
      '/api/data-marketplace/metrics/timeseries?cycle=3&period=month',
      '/api/data-marketplace/metrics/reuse/timeseries?period=week&domain=domain:default/asset',
    ]);
  });

  it('downloads the export as a file with the name the backend gave it', async () => {
    const csv =
      'cycle,eventKey,productRef\n3,req-1,dataproduct:default/tenancy-analytics\n';
    answer = {
      status: 200,
      text: csv,
      headers: {
        'Content-Disposition':
          'attachment; filename="mesh-metrics-2026-11-20.csv"',
      },
    };
    const { client } = createClient();

    const file = await client.exportMetrics({
      format: 'csv',
      domain: 'domain:default/brokerage',
    });

    expect(file.fileName).toBe('mesh-metrics-2026-11-20.csv');
    expect(await file.blob.text()).toBe(csv);
    expect(decodeURIComponent(recorded[0].url)).toBe(
      '/api/data-marketplace/metrics/export?format=csv&domain=domain:default/brokerage',
    );
    expect(recorded[0].headers.authorization).toBe('Bearer user-token');
  });

  it('rejects an export the backend refuses', async () => {
    answer = {
      status: 401,
      body: {
        error: { name: 'AuthenticationError', message: 'Missing credentials' },
      },
    };
    const { client } = createClient();

    await expect(
      client.exportMetrics({ format: 'json' }),
    ).rejects.toBeInstanceOf(ResponseError);
  });

  it('queries the marketplace index with the term, each facet value, the sort and the page', async () => {
    const page: MarketplaceProductsResponse = {
      items: [
        {
          entityRef: 'dataproduct:default/entity-ratings',
          entity: {
            apiVersion: 'datamesh/v1alpha1',
            kind: 'DataProduct',
            metadata: {
              name: 'entity-ratings',
              namespace: 'default',
              title: 'Entity ratings',
              tags: ['credit', 'lei'],
            },
            spec: {
              domain: 'domain:default/brokerage',
              owner: 'group:default/brokerage-data-team',
              classification: 'restricted',
              outputPorts: [{ name: 'ratings-view', type: 'sql-view' }],
            },
          },
          consumerCount: 2,
          governanceStatus: 'passing',
        },
      ],
      totalItems: 25,
      facets: {
        domain: [{ value: 'domain:default/brokerage', count: 25 }],
        owner: [{ value: 'group:default/brokerage-data-team', count: 25 }],
        type: [],
        classification: [{ value: 'restricted', count: 25 }],
        lifecycle: [],
        tag: [
          { value: 'credit', count: 25 },
          { value: 'lei', count: 3 },
        ],
        port: [{ value: 'sql-view', count: 25 }],
        governance: [{ value: 'passing', count: 1 }],
      },
      indexedAt: '2026-11-20T08:00:00.000Z',
    };
    answer = { status: 200, body: page };
    const { client } = createClient();

    await expect(
      client.queryProducts({
        term: 'rating',
        filters: {
          domain: ['domain:default/brokerage'],
          tag: ['credit', 'lei'],
        },
        sort: 'most-consumed',
        offset: 24,
        limit: 24,
      }),
    ).resolves.toEqual(page);
    await client.queryProducts({
      filters: {},
      sort: 'name',
      offset: 0,
      limit: 24,
    });

    expect(recorded.map(r => decodeURIComponent(r.url))).toEqual([
      '/api/data-marketplace/marketplace/products?q=rating&domain=domain:default/brokerage&tag=credit&tag=lei&sort=most-consumed&offset=24&limit=24',
      '/api/data-marketplace/marketplace/products?sort=name&offset=0&limit=24',
    ]);
    expect(recorded[0].headers.authorization).toBe('Bearer user-token');
  });

  it('rejects with status 404 where the backend has no marketplace index', async () => {
    answer = {
      status: 404,
      body: {
        error: { name: 'NotFoundError', message: 'Not Found' },
        response: { statusCode: 404 },
      },
    };
    const { client } = createClient();

    const error = await client
      .queryProducts({ filters: {}, sort: 'name', offset: 0, limit: 24 })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(404);
  });
});
