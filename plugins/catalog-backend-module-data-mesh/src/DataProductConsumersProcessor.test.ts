import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessorCache,
  CatalogProcessorResult,
} from '@backstage/plugin-catalog-node';
import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';
import { DataProductConsumersProcessor } from './DataProductConsumersProcessor';

const product: Entity = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'entity-ratings', namespace: 'default' },
  spec: {
    domain: 'brokerage',
    owner: 'brokerage-data-team',
    lifecycle: 'production',
  },
};
const location = { type: 'file', target: '/demo/entity-ratings.odps.yaml' };

/** A processor cache, as the catalog keeps one per entity and processor. */
function memoryCache(): CatalogProcessorCache {
  const values = new Map<string, any>();
  return {
    async get(key) {
      return values.get(key);
    },
    async set(key, value) {
      values.set(key, value);
    },
  };
}

describe('DataProductConsumersProcessor', () => {
  let server: Server;
  let respond: (req: IncomingMessage) => { status: number; body?: unknown };
  let requests: IncomingMessage[];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req);
      const { status, body } = respond(req);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));
  beforeEach(() => {
    requests = [];
  });

  function processor() {
    const { port } = server.address() as AddressInfo;
    return new DataProductConsumersProcessor({
      discovery: {
        getBaseUrl: async pluginId =>
          `http://127.0.0.1:${port}/api/${pluginId}`,
        getExternalBaseUrl: async pluginId =>
          `http://127.0.0.1:${port}/api/${pluginId}`,
      },
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    });
  }

  async function relations(cache = memoryCache()) {
    const results: CatalogProcessorResult[] = [];
    await processor().postProcessEntity(
      product,
      location,
      r => results.push(r),
      cache,
    );
    return results.map(r =>
      r.type === 'relation'
        ? `${r.relation.source.kind}:${r.relation.source.name} ${r.relation.type} ${r.relation.target.kind}:${r.relation.target.name}`
        : r.type,
    );
  }

  it("relates each granted consumer to the product, asking the data-access API as the catalog's service", async () => {
    respond = () => ({
      status: 200,
      body: {
        items: [
          { consumer: 'group:default/capital-markets-data-team' },
          { consumer: 'component:default/credit-risk-dashboard' },
        ],
      },
    });
    expect(await relations()).toEqual([
      'group:capital-markets-data-team consumesDataProduct DataProduct:entity-ratings',
      'DataProduct:entity-ratings dataProductConsumedBy group:capital-markets-data-team',
      'component:credit-risk-dashboard consumesDataProduct DataProduct:entity-ratings',
      'DataProduct:entity-ratings dataProductConsumedBy component:credit-risk-dashboard',
    ]);
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe(
      '/api/data-access/products/dataproduct/default/entity-ratings/grants',
    );
    expect(requests[0].headers.authorization).toMatch(/^Bearer .+/);
  });

  it('counts distinct consumers in a zero-padded annotation the catalog can sort by', async () => {
    respond = () => ({
      status: 200,
      body: {
        items: [
          { consumer: 'group:default/capital-markets-data-team' },
          { consumer: 'Group:default/Capital-Markets-Data-Team' },
          { consumer: 'user:default/kwame.mensah' },
          { consumer: 'not a ref' },
        ],
      },
    });
    const processed = await processor().postProcessEntity(
      product,
      location,
      () => {},
      memoryCache(),
    );
    expect(processed.metadata.annotations).toEqual({
      'datamesh/consumer-count': '000002',
    });
  });

  it('emits nothing where the data-access plugin is not installed (404)', async () => {
    respond = () => ({ status: 404 });
    expect(await relations()).toEqual([]);
  });

  it('keeps the consumers it last saw while the data-access plugin fails', async () => {
    const cache = memoryCache();
    respond = () => ({
      status: 200,
      body: { items: [{ consumer: 'user:default/kwame.mensah' }] },
    });
    expect(await relations(cache)).toHaveLength(2);
    respond = () => ({ status: 503 });
    expect(await relations(cache)).toEqual([
      'user:kwame.mensah consumesDataProduct DataProduct:entity-ratings',
      'DataProduct:entity-ratings dataProductConsumedBy user:kwame.mensah',
    ]);
  });

  it('leaves other kinds alone without asking', async () => {
    const results: CatalogProcessorResult[] = [];
    await processor().postProcessEntity(
      { ...product, apiVersion: 'backstage.io/v1alpha1', kind: 'Component' },
      location,
      r => results.push(r),
      memoryCache(),
    );
    expect(results).toEqual([]);
    expect(requests).toEqual([]);
  });
});
