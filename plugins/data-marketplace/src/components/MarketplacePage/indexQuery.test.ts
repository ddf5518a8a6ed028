import type { ProductCard as IndexedProduct } from '../../api/types';
import { notFoundError } from '../../__testUtils__';
import {
  indexRefusedError,
  indexResponseError,
} from './__testUtils__/indexResponseError';
import {
  INDEX_CURSOR,
  indexPage,
  indexRequest,
  isIndexUnavailable,
  toCardEntity,
} from './indexQuery';
import { readQuery } from './marketplaceQuery';

const product: IndexedProduct = {
  entityRef: 'dataproduct:default/entity-ratings',
  entity: {
    apiVersion: 'datamesh/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: 'entity-ratings',
      namespace: 'default',
      title: 'Entity ratings',
      annotations: {
        'datamesh/listed-at': '2026-02-01T09:00:00.000Z',
        'datamesh/consumer-count': '000001',
        'datamesh/governance-status': 'warning',
      },
    },
    spec: {
      domain: 'domain:default/brokerage',
      outputPorts: [{ name: 'current-ratings', type: 'sql-view' }],
    },
  },
  consumerCount: 12,
  governanceStatus: 'passing',
};

describe('indexQuery', () => {
  it('asks the index for the URL’s term, facets, sort and page', () => {
    const query = readQuery(
      new URLSearchParams(
        'q=rating&domain=domain:default/brokerage&port=sql-view&port=table&sort=consumed&cursor=index&page=2',
      ),
    );
    expect(indexRequest(query)).toEqual({
      term: 'rating',
      filters: {
        domain: ['domain:default/brokerage'],
        port: ['sql-view', 'table'],
      },
      sort: 'most-consumed',
      offset: 24,
      limit: 24,
    });
    expect(indexRequest(readQuery(new URLSearchParams('')))).toEqual({
      filters: {},
      sort: 'name',
      offset: 0,
      limit: 24,
    });
  });

  it('writes the index’s consumer count and status as the catalog module’s annotations', () => {
    const entity = toCardEntity(product);
    expect(entity.metadata.annotations).toEqual({
      'datamesh/listed-at': '2026-02-01T09:00:00.000Z',
      'datamesh/consumer-count': '000012',
      'datamesh/governance-status': 'passing',
    });
    expect(entity.spec).toEqual(product.entity.spec);

    // Not evaluated in the index: no status, not even the catalog's older one.
    const unevaluated = toCardEntity({ ...product, governanceStatus: null });
    expect(unevaluated.metadata.annotations).not.toHaveProperty(
      'datamesh/governance-status',
    );
  });

  it('offers the pages around the one shown by the index’s cursor marker', () => {
    const response = {
      items: [product],
      totalItems: 49,
      facets: {} as never,
      indexedAt: null,
    };
    const second = readQuery(new URLSearchParams('cursor=index&page=2'));
    expect(indexPage(second, response).pageInfo).toEqual({
      prevCursor: INDEX_CURSOR,
      nextCursor: INDEX_CURSOR,
    });
    const last = readQuery(new URLSearchParams('cursor=index&page=3'));
    expect(indexPage(last, response).pageInfo).toEqual({
      prevCursor: INDEX_CURSOR,
    });
    expect(
      indexPage(readQuery(new URLSearchParams('')), {
        ...response,
        totalItems: 1,
      }).pageInfo,
    ).toEqual({});
  });

  it('takes a 404 (no index) and a 403 (not for this user) as the index unavailable', async () => {
    expect(isIndexUnavailable(await notFoundError())).toBe(true);
    expect(isIndexUnavailable(await indexRefusedError())).toBe(true);
    const unauthorized = await indexResponseError(401, {
      name: 'AuthenticationError',
      message: 'No token',
    });
    expect(isIndexUnavailable(unauthorized)).toBe(false);
    const unreachable = await indexResponseError(503, {
      name: 'Error',
      message: 'The index is unreachable',
    });
    expect(isIndexUnavailable(unreachable)).toBe(false);
    expect(isIndexUnavailable(new Error('Not Found'))).toBe(false);
    expect(isIndexUnavailable(undefined)).toBe(false);
  });
});
