import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorCache } from '@backstage/plugin-catalog-node';
import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';
import { DataProductGovernanceStatusProcessor } from './DataProductGovernanceStatusProcessor';

const product: Entity = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'Entity-Ratings', namespace: 'default' },
  spec: { domain: 'brokerage', owner: 'brokerage-data-team', lifecycle: 'x' },
};
const location = { type: 'file', target: '/demo/entity-ratings.odps.yaml' };

function memoryCache(): CatalogProcessorCache {
  const values = new Map<string, any>();
  return {
    get: async key => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
  };
}

describe('DataProductGovernanceStatusProcessor', () => {
  let server: Server;
  let respond: () => { status: number; body?: unknown };
  let requests: IncomingMessage[];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req);
      const { status, body } = respond();
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));
  beforeEach(() => {
    requests = [];
  });

  async function process(cache: CatalogProcessorCache, entity = product) {
    const { port } = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api`;
    const processor = new DataProductGovernanceStatusProcessor({
      discovery: {
        getBaseUrl: async id => `${base}/${id}`,
        getExternalBaseUrl: async id => `${base}/${id}`,
      },
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    });
    const processed = await processor.postProcessEntity(
      entity,
      location,
      () => {},
      cache,
    );
    return processed.metadata.annotations?.['datamesh/governance-status'];
  }

  it("annotates the product with the status the marketplace backend evaluated, asked as the catalog's service", async () => {
    respond = () => ({ status: 200, body: { status: 'warning', results: [] } });
    expect(await process(memoryCache())).toBe('warning');
    expect(requests[0].url).toBe(
      '/api/data-marketplace/governance/products/dataproduct/default/entity-ratings',
    );
    expect(requests[0].headers.authorization).toMatch(/^Bearer .+/);
  });

  it('keeps the last status while the backend fails, and none when it has no result', async () => {
    const cache = memoryCache();
    respond = () => ({ status: 200, body: { status: 'failing' } });
    expect(await process(cache)).toBe('failing');
    respond = () => ({ status: 503 });
    expect(await process(cache)).toBe('failing');
    respond = () => ({ status: 404 });
    expect(await process(cache)).toBeUndefined();
    respond = () => ({ status: 200, body: { status: 'made-up' } });
    expect(await process(cache)).toBeUndefined();
  });

  it('leaves other kinds alone without asking', async () => {
    expect(
      await process(memoryCache(), { ...product, kind: 'Component' }),
    ).toBeUndefined();
    expect(requests).toEqual([]);
  });
});
