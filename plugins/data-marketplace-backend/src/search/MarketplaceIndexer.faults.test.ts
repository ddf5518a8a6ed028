import { mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createIndexStore,
  createTestDatabases,
} from './__testUtils__/databases';
import { seededEntities } from './__testUtils__/seededIndex';
import { withEtag } from '../catalog/__testUtils__/withEtag';
import { MarketplaceIndexer } from './MarketplaceIndexer';

/**
 * What the indexer does when a product cannot be read or a run is stopped (the real
 * catalog cannot be made to do either: MarketplaceIndexer.test.ts runs it against that).
 */

const databases = createTestDatabases();

/**
 * A catalog that pages through a list, two entities a page, as queryEntities does, and
 * answers getEntitiesByRefs from the same list.
 */
function pagedCatalog(entities: () => Entity[]): CatalogService {
  return {
    async getEntitiesByRefs(request: { entityRefs: string[] }) {
      const all = new Map(
        entities().map(e => [
          stringifyEntityRef(e).toLocaleLowerCase('en-US'),
          structuredClone(withEtag(e)),
        ]),
      );
      return { items: request.entityRefs.map(ref => all.get(ref)) };
    },
    async queryEntities(request: { cursor?: string }) {
      const offset = Number(request.cursor ?? 0);
      const all = entities();
      return {
        items: all
          .slice(offset, offset + 2)
          .map(e => structuredClone(withEtag(e))),
        totalItems: 0,
        pageInfo: {
          nextCursor: offset + 2 < all.length ? String(offset + 2) : undefined,
        },
      };
    },
  } as unknown as CatalogService;
}

async function setup(entities: () => Entity[]) {
  const store = await createIndexStore(await databases.init('SQLITE_3'));
  const logger = mockServices.logger.mock();
  const indexer = new MarketplaceIndexer({
    catalog: pagedCatalog(entities),
    auth: mockServices.auth(),
    store,
    logger,
  });
  return { store, logger, indexer };
}

describe('MarketplaceIndexer, faults', () => {
  it('keeps the last row of a product it cannot read, and says so', async () => {
    let entities = seededEntities();
    const { store, logger, indexer } = await setup(() => entities);
    expect(await indexer.run()).toMatchObject({ products: 7, written: 7 });
    const before = await store.versions();

    entities = seededEntities().map(entity =>
      entity.metadata.name === 'rentals'
        ? ({ ...entity, relations: {} } as unknown as Entity)
        : entity,
    );
    expect(await indexer.run()).toMatchObject({
      products: 7,
      written: 0,
      removed: 0,
    });
    expect(await store.versions()).toEqual(before);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not index a data product',
      expect.objectContaining({ entityRef: 'dataproduct:default/rentals' }),
    );
  });

  it('removes nothing when its run is stopped before it has read the whole catalog', async () => {
    let entities = seededEntities();
    const { store, indexer } = await setup(() => entities);
    await indexer.run();

    entities = seededEntities().slice(0, 3);
    const controller = new AbortController();
    controller.abort();
    expect(await indexer.run(controller.signal)).toMatchObject({
      products: 0,
      removed: 0,
    });
    expect((await store.versions()).size).toBe(7);

    expect(await indexer.run()).toMatchObject({ products: 3, removed: 4 });
    expect((await store.versions()).size).toBe(3);
  });
});
