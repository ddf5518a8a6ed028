import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorCache } from '@backstage/plugin-catalog-node';
import { DataProductGovernanceStatusProcessor } from './DataProductGovernanceStatusProcessor';
import { memoryCache, useStandInPlugin } from './__testUtils__/standInPlugin';

const product: Entity = {
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'Entity-Ratings', namespace: 'default' },
  spec: { domain: 'brokerage', owner: 'brokerage-data-team', lifecycle: 'x' },
};
const location = { type: 'file', target: '/demo/entity-ratings.odps.yaml' };
const productRef = 'dataproduct:default/entity-ratings';

/** Another product of the mesh, by name. */
const productNamed = (name: string): Entity => ({
  ...product,
  metadata: { ...product.metadata, name },
});

describe('DataProductGovernanceStatusProcessor', () => {
  /** Stands in for the data-marketplace backend. */
  const stub = useStandInPlugin();

  /** Answers the bulk route as the backend does: only the refs that have a status. */
  const statusesByRef = (statuses: Record<string, unknown>) => () => ({
    status: 200,
    body: { statuses },
  });

  function processor(
    options: Partial<
      ConstructorParameters<typeof DataProductGovernanceStatusProcessor>[0]
    > = {},
  ) {
    return new DataProductGovernanceStatusProcessor({
      discovery: {
        getBaseUrl: async id => stub.baseUrl(id),
        getExternalBaseUrl: async id => stub.baseUrl(id),
      },
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      ...options,
    });
  }

  async function process(
    cache: CatalogProcessorCache,
    entity = product,
    using = processor(),
  ) {
    const processed = await using.postProcessEntity(
      entity,
      location,
      () => {},
      cache,
    );
    return processed.metadata.annotations?.['datamesh/governance-status'];
  }

  it("annotates the product with the status the marketplace backend evaluated, asked as the catalog's service", async () => {
    stub.respond = statusesByRef({ [productRef]: 'warning' });
    expect(await process(memoryCache())).toBe('warning');
    expect(stub.requests).toEqual([
      {
        method: 'POST',
        url: '/api/data-marketplace/governance/statuses',
        authorization: expect.stringMatching(/^Bearer .+/),
        body: { entityRefs: [productRef] },
      },
    ]);
  });

  it('keeps the last status while the backend fails, and none when it has no result', async () => {
    const cache = memoryCache();
    stub.respond = statusesByRef({ [productRef]: 'failing' });
    expect(await process(cache)).toBe('failing');
    stub.respond = () => ({ status: 503 });
    expect(await process(cache)).toBe('failing');
    stub.respond = statusesByRef({});
    expect(await process(cache)).toBeUndefined();
    stub.respond = statusesByRef({ [productRef]: 'made-up' });
    expect(await process(cache)).toBeUndefined();
  });

  it('gives no status where the marketplace backend is not installed (404)', async () => {
    const cache = memoryCache();
    stub.respond = statusesByRef({ [productRef]: 'passing' });
    expect(await process(cache)).toBe('passing');
    stub.respond = () => ({ status: 404 });
    expect(await process(cache)).toBeUndefined();
  });

  it('asks once for the products processed together, each getting its own status', async () => {
    stub.respond = statusesByRef({
      'dataproduct:default/a': 'passing',
      'dataproduct:default/b': 'failing',
    });
    const shared = processor();
    const statuses = await Promise.all(
      ['a', 'b', 'c'].map(name =>
        process(memoryCache(), productNamed(name), shared),
      ),
    );
    expect(statuses).toEqual(['passing', 'failing', undefined]);
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0].body?.entityRefs?.sort()).toEqual([
      'dataproduct:default/a',
      'dataproduct:default/b',
      'dataproduct:default/c',
    ]);
  });

  it('keeps each product its own last status when a batch fails, warning once', async () => {
    const names = ['a', 'b', 'c'];
    const caches = names.map(() => memoryCache());
    const logger = mockServices.logger.mock();
    const shared = processor({ logger });
    const processAll = () =>
      Promise.all(
        names.map((name, i) => process(caches[i], productNamed(name), shared)),
      );
    stub.respond = statusesByRef({
      'dataproduct:default/a': 'passing',
      'dataproduct:default/b': 'failing',
    });
    expect(await processAll()).toEqual(['passing', 'failing', undefined]);

    stub.respond = () => ({ status: 200, body: { something: 'else' } });
    expect(await processAll()).toEqual(['passing', 'failing', undefined]);
    expect(stub.requests).toHaveLength(2);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('governance status of 3 data product(s)'),
    );
  });

  it('sends batches of the size configured', async () => {
    stub.respond = statusesByRef({});
    const small = processor({ batching: { maxBatchSize: 2 } });
    await Promise.all(
      ['a', 'b', 'c'].map(name =>
        process(memoryCache(), productNamed(name), small),
      ),
    );
    // The two requests go out together and may arrive in either order.
    expect(
      stub.requests
        .map(r => r.body?.entityRefs ?? [])
        .sort((x, y) => y.length - x.length),
    ).toEqual([
      ['dataproduct:default/a', 'dataproduct:default/b'],
      ['dataproduct:default/c'],
    ]);
  });

  it('leaves other kinds alone without asking', async () => {
    expect(
      await process(memoryCache(), { ...product, kind: 'Component' }),
    ).toBeUndefined();
    expect(stub.requests).toEqual([]);
  });
});
