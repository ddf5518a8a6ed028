import { mockCredentials } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import request from 'supertest';
import { startMarketplaceBackend } from '../../service/__testUtils__/startMarketplaceBackend';
import { MARKETPLACE_INDEX_TASK_ID } from '../MarketplaceIndexer';

/**
 * The whole data-marketplace plugin in a backend with the real catalog and the data-mesh
 * catalog module reading the demo mesh (startMarketplaceBackend), with the marketplace
 * indexer's task at hand. The catalog processes each entity once here: an entity a test
 * deletes is not brought back by its location meanwhile.
 */
export async function startIndexBackend(options: {
  /** The data-marketplace plugin's database. */
  knex: Knex;
  /** The catalog's database (kept apart: both plugins run migrations). */
  catalogKnex: Knex;
}) {
  const backend = await startMarketplaceBackend({
    ...options,
    catalogProcessingInterval: { hours: 1 },
    policies: [
      {
        id: 'mesh/classification',
        type: 'required-fields',
        severity: 'error',
        params: { fields: ['spec.classification'] },
      },
    ],
  });
  const { server } = backend;

  return {
    server,
    /** One run of the marketplace indexer. */
    index: () => backend.runTask(MARKETPLACE_INDEX_TASK_ID),
    /** One run of the governance evaluation. */
    evaluate: backend.evaluate,
    /** Removes an entity from the catalog, as unregistering it would. */
    async removeFromCatalog(kind: string, name: string) {
      const user = mockCredentials.user.header();
      const entity = await request(server)
        .get(`/api/catalog/entities/by-name/${kind}/default/${name}`)
        .set('Authorization', user);
      const res = await request(server)
        .delete(`/api/catalog/entities/by-uid/${entity.body.metadata.uid}`)
        .set('Authorization', user);
      if (res.status !== 204) {
        throw new Error(`Could not remove ${kind} ${name}: ${res.status}`);
      }
    },
    stop: backend.stop,
  };
}
