/** @jest-environment node */
import { ResponseError } from '@backstage/errors';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataAccessClient } from './DataAccessClient';

/** What the server saw of one request. */
interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** The answer the server gives to the next request. */
interface Answer {
  status: number;
  body: unknown;
}

describe('DataAccessClient', () => {
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
        res.writeHead(answer.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>(resolve =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    const { port } = server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}/api/data-access`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  beforeEach(() => {
    recorded = [];
    answer = { status: 200, body: {} };
  });

  const createClient = () => {
    const getBaseUrl = jest.fn(async () => baseUrl);
    const client = new DataAccessClient({
      discoveryApi: { getBaseUrl },
      fetchApi: { fetch: (input, init) => fetch(input, init) },
    });
    return { client, getBaseUrl };
  };

  const request = {
    id: '3f1c2d4e-0000-4000-8000-000000000001',
    requester: 'user:default/ana',
    dataProduct: 'dataproduct:default/tenancy-analytics',
    outputPort: 'leases-view',
    consumer: 'user:default/ana',
    purpose: { category: 'analytics', text: 'Credit risk dashboard' },
    productOwners: ['group:default/brokerage'],
    state: 'submitted',
    version: 1,
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
  };

  it('asks discovery for the data-access base URL and reads the purposes', async () => {
    const { client, getBaseUrl } = createClient();
    answer = {
      status: 200,
      body: { items: [{ id: 'analytics', title: 'Analytics' }] },
    };

    await expect(client.listPurposeCategories()).resolves.toEqual([
      { id: 'analytics', title: 'Analytics' },
    ]);
    expect(getBaseUrl).toHaveBeenCalledWith('data-access');
    expect(recorded).toHaveLength(1);
    expect(recorded[0].method).toBe('GET');
    expect(recorded[0].url).toBe('/api/data-access/purposes');
  });

  it('creates a request with a JSON body and the Idempotency-Key header', async () => {
    const { client } = createClient();
    answer = { status: 201, body: request };
    const body = {
      dataProduct: 'dataproduct:default/tenancy-analytics',
      outputPort: 'leases-view',
      purpose: { category: 'analytics', text: 'Credit risk dashboard' },
      endDate: '2027-03-31',
    };

    const created = await client.createRequest(body, {
      idempotencyKey: 'key-123',
    });

    expect(created.id).toBe(request.id);
    expect(recorded[0].method).toBe('POST');
    expect(recorded[0].url).toBe('/api/data-access/requests');
    expect(recorded[0].headers['idempotency-key']).toBe('key-123');
    expect(recorded[0].headers['content-type']).toBe('application/json');
    expect(JSON.parse(recorded[0].body)).toEqual(body);
  });

  it('builds the list query from view, product, states, cursor and limit', async () => {
    const { client } = createClient();
    answer = { status: 200, body: { items: [request], nextCursor: 'next' } };

    const page = await client.listRequests({
      view: 'to-decide',
      dataProduct: 'dataproduct:default/tenancy-analytics',
      state: ['submitted', 'approved'],
      cursor: 'abc/=+',
      limit: 20,
    });

    expect(page).toEqual({ items: [request], nextCursor: 'next' });
    const url = new URL(recorded[0].url, 'http://localhost');
    expect(url.pathname).toBe('/api/data-access/requests');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      view: 'to-decide',
      dataProduct: 'dataproduct:default/tenancy-analytics',
      state: 'submitted,approved',
      cursor: 'abc/=+',
      limit: '20',
    });
  });

  it('lists without a query string when given no options', async () => {
    const { client } = createClient();
    answer = { status: 200, body: { items: [] } };

    await client.listRequests();

    expect(recorded[0].url).toBe('/api/data-access/requests');
  });

  it('reads one request and its history, encoding the id', async () => {
    const { client } = createClient();
    answer = { status: 200, body: request };
    await client.getRequest('a/b');
    answer = {
      status: 200,
      body: {
        items: [
          {
            requestId: request.id,
            from: null,
            to: 'submitted',
            actor: 'user:default/ana',
            at: request.createdAt,
          },
        ],
      },
    };
    const history = await client.getRequestHistory(request.id);

    expect(recorded.map(r => r.url)).toEqual([
      '/api/data-access/requests/a%2Fb',
      `/api/data-access/requests/${request.id}/history`,
    ]);
    expect(history).toHaveLength(1);
    expect(history[0].to).toBe('submitted');
  });

  it('posts decisions, cancellations and revocations with their bodies', async () => {
    const { client } = createClient();
    answer = { status: 200, body: { ...request, state: 'rejected' } };

    await client.decideRequest(request.id, {
      decision: 'reject',
      reason: 'Not for this purpose',
      version: 3,
    });
    await client.cancelRequest(request.id);
    await client.revokeRequest(request.id, { reason: 'Contract ended' });

    expect(recorded.map(r => [r.method, r.url])).toEqual([
      ['POST', `/api/data-access/requests/${request.id}/decision`],
      ['POST', `/api/data-access/requests/${request.id}/cancel`],
      ['POST', `/api/data-access/requests/${request.id}/revoke`],
    ]);
    expect(recorded.map(r => JSON.parse(r.body))).toEqual([
      { decision: 'reject', reason: 'Not for this purpose', version: 3 },
      {},
      { reason: 'Contract ended' },
    ]);
  });

  it('reads the grants of a product from its entity ref', async () => {
    const { client } = createClient();
    answer = { status: 200, body: { items: [] } };

    await client.listProductGrants('DataProduct:default/tenancy-analytics');
    await client.listProductGrants({
      kind: 'DataProduct',
      namespace: 'brokerage',
      name: 'entity-ratings',
    });

    expect(recorded.map(r => r.url)).toEqual([
      '/api/data-access/products/dataproduct/default/tenancy-analytics/grants',
      '/api/data-access/products/dataproduct/brokerage/entity-ratings/grants',
    ]);
  });

  it('surfaces the message of a 400 error body', async () => {
    const { client } = createClient();
    answer = {
      status: 400,
      body: {
        error: {
          name: 'InputError',
          message:
            'Invalid body: purpose.text: expected the purpose in a sentence (10 characters or more)',
        },
        response: { statusCode: 400 },
      },
    };

    const error = await client
      .createRequest(
        {
          dataProduct: 'dataproduct:default/tenancy-analytics',
          outputPort: 'leases-view',
          purpose: { category: 'analytics', text: 'short' },
        },
        { idempotencyKey: 'key-400' },
      )
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(400);
    expect(error.cause.name).toBe('InputError');
    expect(error.cause.message).toBe(
      'Invalid body: purpose.text: expected the purpose in a sentence (10 characters or more)',
    );
  });

  it('rejects with a 409 ResponseError when the version is stale', async () => {
    const { client } = createClient();
    answer = {
      status: 409,
      body: {
        error: { name: 'ConflictError', message: 'the request changed' },
        response: { statusCode: 409 },
      },
    };

    const error = await client
      .decideRequest(request.id, { decision: 'approve', version: 1 })
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(409);
    expect(error.cause.message).toBe('the request changed');
  });
});
