import { CatalogProcessorCache } from '@backstage/plugin-catalog-node';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';

/** A processor cache, as the catalog keeps one per entity and processor. */
export function memoryCache(): CatalogProcessorCache {
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

/** What the stand-in for another plugin was asked. */
export interface Asked {
  method?: string;
  url?: string;
  authorization?: string;
  body?: { entityRefs?: string[] };
}

/**
 * A local HTTP server standing in for the plugin a processor calls (data-access,
 * data-marketplace), started for the test file: it records each request and answers as
 * `respond` says. `requests` is emptied before each test.
 */
export function useStandInPlugin() {
  let server: Server;
  const stub = {
    requests: [] as Asked[],
    respond: (_asked: Asked): { status: number; body?: unknown } => ({
      status: 404,
    }),
    /** Base URL of a plugin on the stand-in, as discovery gives it. */
    baseUrl(pluginId: string) {
      const { port } = server.address() as AddressInfo;
      return `http://127.0.0.1:${port}/api/${pluginId}`;
    },
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.on('data', chunk => {
        text += chunk;
      });
      req.on('end', () => {
        const asked: Asked = {
          method: req.method,
          url: req.url,
          authorization: req.headers.authorization,
          body: text ? JSON.parse(text) : undefined,
        };
        stub.requests.push(asked);
        const { status, body } = stub.respond(asked);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body === undefined ? '' : JSON.stringify(body));
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));
  beforeEach(() => {
    stub.requests = [];
  });
  return stub;
}
