import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { DataProductConsumersProcessor } from './DataProductConsumersProcessor';
import {
  Asked,
  memoryCache,
  useStandInPlugin,
} from './__testUtils__/standInPlugin';

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
const productRef = 'dataproduct:default/entity-ratings';

/** Another product of the mesh, by name. */
const productNamed = (name: string): Entity => ({
  ...product,
  metadata: { ...product.metadata, name },
});

describe('DataProductConsumersProcessor', () => {
  /** Stands in for the data-access plugin. */
  const stub = useStandInPlugin();

  /** Answers the bulk route with these grants per product ref, and [] for any other. */
  const grantsByRef =
    (grants: Record<string, Array<{ consumer: string }>>) =>
    (asked: Asked) => ({
      status: 200,
      body: {
        items: Object.fromEntries(
          (asked.body?.entityRefs ?? []).map(ref => [ref, grants[ref] ?? []]),
        ),
      },
    });

  function processor(
    options: Partial<
      ConstructorParameters<typeof DataProductConsumersProcessor>[0]
    > = {},
  ) {
    return new DataProductConsumersProcessor({
      discovery: {
        getBaseUrl: async pluginId => stub.baseUrl(pluginId),
        getExternalBaseUrl: async pluginId => stub.baseUrl(pluginId),
      },
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      ...options,
    });
  }

  async function relations(
    cache = memoryCache(),
    entity = product,
    using = processor(),
  ) {
    const results: CatalogProcessorResult[] = [];
    await using.postProcessEntity(
      entity,
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
    stub.respond = grantsByRef({
      [productRef]: [
        { consumer: 'group:default/capital-markets-data-team' },
        { consumer: 'component:default/credit-risk-dashboard' },
      ],
    });
    expect(await relations()).toEqual([
      'group:capital-markets-data-team consumesDataProduct DataProduct:entity-ratings',
      'DataProduct:entity-ratings dataProductConsumedBy group:capital-markets-data-team',
      'component:credit-risk-dashboard consumesDataProduct DataProduct:entity-ratings',
      'DataProduct:entity-ratings dataProductConsumedBy component:credit-risk-dashboard',
    ]);
    expect(stub.requests).toEqual([
      {
        method: 'POST',
        url: '/api/data-access/products/grants',
        authorization: expect.stringMatching(/^Bearer .+/),
        body: { entityRefs: [productRef] },
      },
    ]);
  });

  it('asks in the canonical, lower-case ref', async () => {
    stub.respond = grantsByRef({});
    await relations(memoryCache(), productNamed('Entity-Ratings'));
    expect(stub.requests[0].body).toEqual({ entityRefs: [productRef] });
  });

  it('counts distinct consumers in a zero-padded annotation the catalog can sort by', async () => {
    stub.respond = grantsByRef({
      [productRef]: [
        { consumer: 'group:default/capital-markets-data-team' },
        { consumer: 'Group:default/Capital-Markets-Data-Team' },
        { consumer: 'user:default/kwame.mensah' },
        { consumer: 'not a ref' },
      ],
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
    stub.respond = () => ({ status: 404 });
    expect(await relations()).toEqual([]);
  });

  it('keeps the consumers it last saw while the data-access plugin fails', async () => {
    const cache = memoryCache();
    stub.respond = grantsByRef({
      [productRef]: [{ consumer: 'user:default/kwame.mensah' }],
    });
    expect(await relations(cache)).toHaveLength(2);
    stub.respond = () => ({ status: 503 });
    expect(await relations(cache)).toEqual([
      'user:kwame.mensah consumesDataProduct DataProduct:entity-ratings',
      'DataProduct:entity-ratings dataProductConsumedBy user:kwame.mensah',
    ]);
  });

  it('asks once for the products processed together, each getting its own consumers', async () => {
    stub.respond = grantsByRef({
      'dataproduct:default/a': [{ consumer: 'user:default/kwame.mensah' }],
      'dataproduct:default/b': [{ consumer: 'group:default/data-office' }],
    });
    const shared = processor();
    const [a, b, c] = await Promise.all(
      ['a', 'b', 'c'].map(name =>
        relations(memoryCache(), productNamed(name), shared),
      ),
    );
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0].body?.entityRefs?.sort()).toEqual([
      'dataproduct:default/a',
      'dataproduct:default/b',
      'dataproduct:default/c',
    ]);
    expect(a).toContain('user:kwame.mensah consumesDataProduct DataProduct:a');
    expect(b).toContain('group:data-office consumesDataProduct DataProduct:b');
    expect(c).toEqual([]);
  });

  it('keeps each product its own last consumers when a batch fails, warning once', async () => {
    const names = ['a', 'b', 'c'];
    const caches = names.map(() => memoryCache());
    const logger = mockServices.logger.mock();
    const shared = processor({ logger });
    const processAll = () =>
      Promise.all(
        names.map((name, i) =>
          relations(caches[i], productNamed(name), shared),
        ),
      );
    stub.respond = grantsByRef({
      'dataproduct:default/a': [{ consumer: 'user:default/kwame.mensah' }],
      'dataproduct:default/b': [{ consumer: 'group:default/data-office' }],
    });
    const before = await processAll();

    stub.respond = () => ({ status: 503 });
    expect(await processAll()).toEqual(before);
    expect(stub.requests).toHaveLength(2);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('grants of 3 data product(s)'),
    );
  });

  it('never sends more refs than the route takes, whatever the batch size configured', async () => {
    stub.respond = grantsByRef({});
    const generous = processor({ batching: { maxBatchSize: 500 } });
    await Promise.all(
      Array.from({ length: 101 }, (_, i) =>
        relations(memoryCache(), productNamed(`p${i}`), generous),
      ),
    );
    // The two stub.requests go out together and may arrive in either order.
    expect(
      stub.requests
        .map(r => r.body?.entityRefs?.length)
        .sort((a, b) => a! - b!),
    ).toEqual([1, 100]);
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
    expect(stub.requests).toEqual([]);
  });
});
