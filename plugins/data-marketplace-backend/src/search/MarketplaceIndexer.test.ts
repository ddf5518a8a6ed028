import { mockCredentials } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import request from 'supertest';
import { waitForCatalog } from '../service/__testUtils__/startMarketplaceBackend';
import { createTestDatabases } from './__testUtils__/databases';
import { startIndexBackend } from './__testUtils__/startIndexBackend';
import { MarketplaceQuery } from './MarketplaceQuery';

/**
 * The indexer in the plugin, fed by the real catalog with the data-mesh module reading the
 * demo mesh (catalog-info/): five products in three domains. Each run is a tick of the
 * scheduled task; what a run did is in marketplace_index_runs.
 */

jest.setTimeout(120_000);

const databases = createTestDatabases();

const ref = (name: string) => `dataproduct:default/${name}`;
const DEMO_PRODUCTS = [
  'credit-risk-dashboard',
  'entity-ratings',
  'property-portfolio',
  'rental-income-forecast',
  'tenancy-analytics',
].map(ref);

describe.each(databases.eachSupportedId())(
  'MarketplaceIndexer with the real catalog, on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startIndexBackend>>;
    let knex: Knex;

    const lastRun = () => knex('marketplace_index_runs').first();
    const indexedRefs = async (table: string) =>
      [
        ...new Set(
          (await knex(table).select('entity_ref')).map(r => r.entity_ref),
        ),
      ].sort();
    const query = (filters = {}) =>
      new MarketplaceQuery(knex).query({
        filters,
        sort: 'name',
        offset: 0,
        limit: 24,
      });

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      backend = await startIndexBackend({
        knex,
        catalogKnex: await databases.init('SQLITE_3'),
      });
      await waitForCatalog(backend.server, 'kind=dataproduct', 5);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('indexes the five demo products with their facets', async () => {
      await backend.index();
      expect(await lastRun()).toMatchObject({
        products: 5,
        written: 5,
        removed: 0,
      });
      expect(await indexedRefs('marketplace_products')).toEqual(DEMO_PRODUCTS);
      expect(await indexedRefs('marketplace_product_details')).toEqual(
        DEMO_PRODUCTS,
      );

      const result = await query();
      expect(result.totalItems).toBe(5);
      expect(result.items.map(item => item.entity.metadata.title)).toEqual([
        'Credit risk dashboard',
        'Entity ratings',
        'Property portfolio',
        'Rental income forecast',
        'Tenancy analytics',
      ]);
      expect(result.facets).toMatchObject({
        domain: [
          { value: 'domain:default/brokerage', count: 2 },
          { value: 'domain:default/capital-markets', count: 2 },
          { value: 'domain:default/asset', count: 1 },
        ],
        owner: [
          { value: 'group:default/brokerage-data-team', count: 2 },
          { value: 'group:default/capital-markets-data-team', count: 2 },
          { value: 'group:default/asset-data-team', count: 1 },
        ],
        // Property portfolio (a DPDS product) declares neither type nor classification.
        type: [
          { value: 'aggregate', count: 2 },
          { value: 'consumer-aligned', count: 1 },
          { value: 'source-aligned', count: 1 },
        ],
        classification: [
          { value: 'confidential', count: 2 },
          { value: 'restricted', count: 2 },
        ],
        lifecycle: [{ value: 'production', count: 5 }],
        port: [
          { value: 'table', count: 4 },
          { value: 'sql-view', count: 2 },
          { value: 'other', count: 1 },
        ],
        // Not evaluated yet.
        governance: [],
      });
      expect(result.facets.tag).toContainEqual({ value: 'tenants', count: 2 });
      expect(result.facets.tag).toHaveLength(14);

      // Words from the descriptors' text, not only titles: the catalog's own full-text
      // search would skip these long descriptions.
      const rated = await new MarketplaceQuery(knex).query({
        term: 'investment grade',
        filters: {},
        sort: 'relevance',
        offset: 0,
        limit: 24,
      });
      expect(rated.items.map(item => item.entityRef)).toEqual([
        ref('credit-risk-dashboard'),
      ]);
    });

    it('writes nothing on a second run when the catalog has not changed', async () => {
      const before = await knex('marketplace_products')
        .select('entity_ref', 'row_hash', 'indexed_at')
        .orderBy('entity_ref');
      const values = await knex('marketplace_product_values').count({ n: '*' });
      const first = await lastRun();

      await backend.index();
      const second = await lastRun();
      expect(second).toMatchObject({
        products: 5,
        written: 0,
        removed: 0,
      });
      // The index's version, which counts kept in memory are valid for, stays.
      expect(second.changed_at).toEqual(first.changed_at);
      expect(second.finished_at).not.toEqual(first.finished_at);
      expect(
        await knex('marketplace_products')
          .select('entity_ref', 'row_hash', 'indexed_at')
          .orderBy('entity_ref'),
      ).toEqual(before);
      expect(
        await knex('marketplace_product_values').count({ n: '*' }),
      ).toEqual(values);
    });

    it('removes a product that left the catalog, with its values and text', async () => {
      await backend.removeFromCatalog('dataproduct', 'rental-income-forecast');
      await backend.index();
      expect(await lastRun()).toMatchObject({
        products: 4,
        written: 0,
        removed: 1,
      });
      const remaining = DEMO_PRODUCTS.filter(
        r => r !== ref('rental-income-forecast'),
      );
      const tables = [
        'marketplace_products',
        'marketplace_product_details',
        'marketplace_product_values',
        'marketplace_product_search',
      ];
      for (const table of tables) {
        expect({ table, refs: await indexedRefs(table) }).toEqual({
          table,
          refs: remaining,
        });
      }
      const result = await query();
      expect(result.totalItems).toBe(4);
      expect(result.facets.tag.map(t => t.value)).not.toContain('forecast');
    });

    it('serves the index with the governance statuses the plugin evaluated, from the run after', async () => {
      const restricted = () =>
        request(backend.server)
          .get(
            '/api/data-marketplace/marketplace/products?classification=restricted',
          )
          .set('Authorization', mockCredentials.user.header());
      await backend.evaluate();
      // The index shows statuses as of its last run, cards and counts alike.
      const before = await restricted();
      expect(before.body.facets.governance).toEqual([]);
      expect(before.body.items[0].governanceStatus).toBeNull();

      await backend.index();
      expect(await lastRun()).toMatchObject({ written: 0, removed: 0 });
      const res = await restricted();
      expect(res.status).toBe(200);
      expect(res.body.items[0].governanceStatus).toBe('passing');
      expect(
        res.body.items.map((i: { entityRef: string }) => i.entityRef),
      ).toEqual([ref('credit-risk-dashboard'), ref('entity-ratings')]);
      // The policy asks for a classification: only property portfolio lacks one.
      expect(res.body.facets.governance).toEqual([
        { value: 'passing', count: 2 },
      ]);
      expect(res.body.facets.classification).toEqual([
        { value: 'restricted', count: 2 },
        { value: 'confidential', count: 1 },
      ]);
      expect(new Date(res.body.indexedAt).getTime()).not.toBeNaN();
    });
  },
);
