import type { Knex } from 'knex';
import {
  createIndexStore,
  createTestDatabases,
} from './__testUtils__/databases';
import {
  ASSET,
  ASSETS,
  BROKERAGE,
  BROKERS,
  MARKETS,
  MARKETS_TEAM,
  ref,
  seedIndex,
} from './__testUtils__/seededIndex';
import { MarketplaceQuery } from './MarketplaceQuery';
import type { MarketplaceQueryRequest } from './types';

/**
 * The read side on each database engine, over the seven products of seededIndex.ts. Every
 * expected answer is worked out by hand from the table there.
 */

jest.setTimeout(60_000);

const databases = createTestDatabases();

const names = (result: { items: Array<{ entityRef: string }> }) =>
  result.items.map(item => item.entityRef.replace('dataproduct:default/', ''));

/** A request with the route's defaults for what it leaves out. */
const fullRequest = (
  request: Partial<MarketplaceQueryRequest>,
): MarketplaceQueryRequest => ({
  filters: {},
  sort: 'relevance',
  offset: 0,
  limit: 24,
  ...request,
});

const BY_NAME = [
  'credit-risk-dashboard',
  'discount-offers',
  'entity-ratings',
  'ratings-feed',
  'rent-roll',
  'rentals',
  'tenancy-analytics',
];

describe.each(databases.eachSupportedId())(
  'MarketplaceQuery on %s',
  databaseId => {
    let knex: Knex;
    let marketplace: MarketplaceQuery;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await seedIndex(knex);
      // Counting tags and port types from the kept whole-index counts where it can.
      marketplace = new MarketplaceQuery(knex, { awaitWholeCounts: true });
    });

    const query = (request: Partial<MarketplaceQueryRequest>) =>
      marketplace.query(fullRequest(request));

    it('counts every facet over the whole index when nothing is selected', async () => {
      const result = await query({});
      expect(result.totalItems).toBe(7);
      expect(names(result)).toEqual(BY_NAME);
      expect(result.facets).toEqual({
        domain: [
          { value: ASSET, count: 3 },
          { value: BROKERAGE, count: 2 },
          { value: MARKETS, count: 2 },
        ],
        owner: [
          { value: ASSETS, count: 3 },
          { value: BROKERS, count: 2 },
          { value: MARKETS_TEAM, count: 2 },
        ],
        type: [
          { value: 'source-aligned', count: 3 },
          { value: 'aggregate', count: 2 },
          { value: 'consumer-aligned', count: 2 },
        ],
        classification: [
          { value: 'internal', count: 3 },
          { value: 'confidential', count: 2 },
          { value: 'public', count: 1 },
          { value: 'restricted', count: 1 },
        ],
        lifecycle: [
          { value: 'production', count: 5 },
          { value: 'deprecated', count: 1 },
          { value: 'experimental', count: 1 },
        ],
        tag: [
          { value: 'ratings', count: 3 },
          { value: 'credit', count: 2 },
          { value: 'leases', count: 2 },
          { value: 'rent', count: 2 },
          { value: 'tenants', count: 1 },
        ],
        port: [
          { value: 'api', count: 2 },
          { value: 'file', count: 2 },
          { value: 'sql-view', count: 2 },
          { value: 'table', count: 2 },
          { value: 'stream', count: 1 },
        ],
        // Rentals is not evaluated; the ghost product's result is not in the index.
        governance: [
          { value: 'passing', count: 3 },
          { value: 'failing', count: 2 },
          { value: 'warning', count: 1 },
        ],
      });
    });

    it('keeps the counts of a selected facet’s other values, and counts the others under it', async () => {
      const result = await query({ filters: { domain: [BROKERAGE] } });
      expect(names(result)).toEqual(['entity-ratings', 'tenancy-analytics']);
      expect(result.totalItems).toBe(2);
      expect(result.facets.domain).toEqual([
        { value: ASSET, count: 3 },
        { value: BROKERAGE, count: 2 },
        { value: MARKETS, count: 2 },
      ]);
      expect(result.facets.type).toEqual([
        { value: 'aggregate', count: 1 },
        { value: 'source-aligned', count: 1 },
      ]);
      expect(result.facets.tag).toEqual([
        { value: 'credit', count: 1 },
        { value: 'leases', count: 1 },
        { value: 'ratings', count: 1 },
        { value: 'tenants', count: 1 },
      ]);
      expect(result.facets.governance).toEqual([
        { value: 'passing', count: 1 },
        { value: 'warning', count: 1 },
      ]);
    });

    it('ORs values within a facet and ANDs facets, each counted without its own selection', async () => {
      const result = await query({
        filters: { domain: [BROKERAGE, ASSET], type: ['source-aligned'] },
      });
      expect(names(result)).toEqual(['rent-roll', 'tenancy-analytics']);
      expect(result.totalItems).toBe(2);
      // Under type=source-aligned only.
      expect(result.facets.domain).toEqual([
        { value: ASSET, count: 1 },
        { value: BROKERAGE, count: 1 },
        { value: MARKETS, count: 1 },
      ]);
      // Under domain in (brokerage, asset) only.
      expect(result.facets.type).toEqual([
        { value: 'aggregate', count: 2 },
        { value: 'source-aligned', count: 2 },
        { value: 'consumer-aligned', count: 1 },
      ]);
      // Under both.
      expect(result.facets.classification).toEqual([
        { value: 'internal', count: 2 },
      ]);
      expect(result.facets.governance).toEqual([
        { value: 'failing', count: 1 },
        { value: 'passing', count: 1 },
      ]);
    });

    it('filters on many-valued facets (tags, port types)', async () => {
      const result = await query({
        filters: { tag: ['leases', 'credit'], port: ['table'] },
      });
      expect(names(result)).toEqual(['rent-roll', 'tenancy-analytics']);
      // Under tag in (leases, credit): tenancy, entity ratings, rent roll, credit risk.
      expect(result.facets.port).toEqual([
        { value: 'sql-view', count: 2 },
        { value: 'table', count: 2 },
        { value: 'api', count: 1 },
        { value: 'file', count: 1 },
      ]);
      // Under port=table: tenancy and rent roll. Credit, selected, is kept with 0.
      expect(result.facets.tag).toEqual([
        { value: 'leases', count: 2 },
        { value: 'rent', count: 1 },
        { value: 'tenants', count: 1 },
        { value: 'credit', count: 0 },
      ]);
    });

    it('counts facets under a search term, with and without selections', async () => {
      const term = await query({ term: 'Ratings' });
      expect(names(term)).toEqual([
        'ratings-feed', // the title starts with the term
        'entity-ratings', // the title contains it
        'credit-risk-dashboard', // a tag has it
      ]);
      expect(term.facets.classification).toEqual([
        { value: 'confidential', count: 2 },
        { value: 'restricted', count: 1 },
      ]);

      const both = await query({
        term: 'ratings',
        filters: { classification: ['confidential'] },
      });
      expect(names(both)).toEqual(['entity-ratings', 'credit-risk-dashboard']);
      expect(both.totalItems).toBe(2);
      expect(both.facets.classification).toEqual(term.facets.classification);
      expect(both.facets.domain).toEqual([
        { value: BROKERAGE, count: 1 },
        { value: MARKETS, count: 1 },
      ]);
      expect(both.facets.governance).toEqual([
        { value: 'failing', count: 1 },
        { value: 'warning', count: 1 },
      ]);
    });

    it('counts the same from the whole-index counts kept in memory as in the database', async () => {
      // Nothing may be kept: every count is a statement.
      const keepingNothing = new MarketplaceQuery(knex, { maxKeptRows: 0 });
      const requests: Array<Partial<MarketplaceQueryRequest>> = [
        {},
        { filters: { domain: [ASSET] } },
        { filters: { domain: [ASSET, MARKETS], type: ['source-aligned'] } },
        { filters: { governance: ['passing'], lifecycle: ['production'] } },
        { filters: { classification: ['internal'], owner: [BROKERS] } },
        { filters: { tag: ['ratings'] } },
        {
          filters: { port: ['api'], domain: [MARKETS] },
          sort: 'most-consumed',
        },
        { filters: { tag: ['rent'], port: ['table'], type: ['aggregate'] } },
        { term: 'rent', filters: { domain: [ASSET] } },
      ];
      for (const request of requests) {
        expect(await keepingNothing.query(fullRequest(request))).toEqual(
          await query(request),
        );
      }
    });

    it('needs every word of the term, in any order', async () => {
      expect(names(await query({ term: 'rent roll' }))).toEqual(['rent-roll']);
      expect(names(await query({ term: '  ROLL   rent ' }))).toEqual([
        'rent-roll',
      ]);
      expect(names(await query({ term: 'rent nothing-like-it' }))).toEqual([]);
    });

    it('lists a selected value that no product has any more, with 0', async () => {
      const result = await query({
        term: 'rent roll',
        filters: { domain: [BROKERAGE] },
      });
      expect(result.totalItems).toBe(0);
      expect(result.items).toEqual([]);
      expect(result.facets.domain).toEqual([
        { value: ASSET, count: 1 },
        { value: BROKERAGE, count: 0 },
      ]);
      expect(result.facets.type).toEqual([]);
    });

    it('matches % and _ in a term literally', async () => {
      expect(names(await query({ term: '100' }))).toEqual([
        'discount-offers',
        'tenancy-analytics',
      ]);
      expect(names(await query({ term: '100%' }))).toEqual(['discount-offers']);
      expect(names(await query({ term: '%' }))).toEqual(['discount-offers']);
      expect(names(await query({ term: 'q_1' }))).toEqual(['rentals']);
      expect(names(await query({ term: 'qa1' }))).toEqual(['rent-roll']);
      expect(names(await query({ term: '_' }))).toEqual(['rentals']);
      expect(names(await query({ term: '\\' }))).toEqual([]);
    });

    it.each([
      ['name', BY_NAME],
      ['relevance', BY_NAME],
      [
        'newest',
        // Listed 04-01, 03-01 twice (by title), 02-01, 01-10, 2025; never listed last.
        [
          'ratings-feed',
          'credit-risk-dashboard',
          'entity-ratings',
          'rent-roll',
          'tenancy-analytics',
          'discount-offers',
          'rentals',
        ],
      ],
      [
        'most-consumed',
        // 5, 5 (by title), 3, 2, 1, 0, 0 (by title).
        [
          'credit-risk-dashboard',
          'entity-ratings',
          'tenancy-analytics',
          'ratings-feed',
          'rent-roll',
          'discount-offers',
          'rentals',
        ],
      ],
    ] as const)('sorts by %s', async (sort, expected) => {
      expect(names(await query({ sort }))).toEqual(expected);
    });

    it('pages through one order without gaps or repeats', async () => {
      const pages = [];
      for (const offset of [0, 3, 6, 9]) {
        const page = await query({ sort: 'name', offset, limit: 3 });
        expect(page.totalItems).toBe(7);
        pages.push(names(page));
      }
      expect(pages).toEqual([
        BY_NAME.slice(0, 3),
        BY_NAME.slice(3, 6),
        BY_NAME.slice(6),
        [],
      ]);
    });

    it('filters and counts on the governance status copied from the results', async () => {
      const failing = await query({ filters: { governance: ['failing'] } });
      expect(names(failing)).toEqual(['credit-risk-dashboard', 'rent-roll']);
      expect(failing.items.map(i => i.governanceStatus)).toEqual([
        'failing',
        'failing',
      ]);
      expect(failing.facets.governance).toEqual([
        { value: 'passing', count: 3 },
        { value: 'failing', count: 2 },
        { value: 'warning', count: 1 },
      ]);

      const passingInAsset = await query({
        filters: { governance: ['passing'], domain: [ASSET] },
      });
      expect(names(passingInAsset)).toEqual(['discount-offers']);
      // Rentals, in asset, has no status: it counts under no value.
      expect(passingInAsset.facets.governance).toEqual([
        { value: 'failing', count: 1 },
        { value: 'passing', count: 1 },
      ]);
      expect(passingInAsset.facets.domain).toEqual([
        { value: ASSET, count: 1 },
        { value: BROKERAGE, count: 1 },
        { value: MARKETS, count: 1 },
      ]);

      const all = await query({});
      expect(
        Object.fromEntries(
          all.items.map(i => [i.entityRef, i.governanceStatus]),
        ),
      ).toMatchObject({
        [ref('rentals')]: null,
        [ref('entity-ratings')]: 'warning',
      });
    });

    it('gives each card what the marketplace shows', async () => {
      const result = await query({ term: 'entity ratings' });
      expect(result.items).toEqual([
        {
          entityRef: ref('entity-ratings'),
          consumerCount: 5,
          governanceStatus: 'warning',
          entity: {
            apiVersion: 'datamesh/v1alpha1',
            kind: 'DataProduct',
            metadata: {
              name: 'entity-ratings',
              namespace: 'default',
              title: 'Entity ratings',
              description: 'Credit standing of tenant entities.',
              tags: ['credit', 'ratings'],
              annotations: { 'datamesh/listed-at': '2026-03-01T09:00:00.000Z' },
            },
            spec: {
              domain: 'domain:default/brokerage',
              owner: 'group:default/brokerage-data-team',
              type: 'aggregate',
              classification: 'confidential',
              lifecycle: 'production',
              version: '1.0.0',
              description: {
                purpose: 'Entity ratings, for the marketplace tests.',
              },
              outputPorts: [{ name: 'current', type: 'sql-view' }],
            },
          },
        },
      ]);
    });
  },
);

describe.each(databases.eachSupportedId())(
  'MarketplaceQuery between runs on %s',
  databaseId => {
    it('keeps the counts over the whole index until a run changes the index', async () => {
      const knex = await databases.init(databaseId);
      await seedIndex(knex);
      const store = await createIndexStore(knex);
      const marketplace = new MarketplaceQuery(knex, {
        awaitWholeCounts: true,
      });
      const query = (filters: MarketplaceQueryRequest['filters'] = {}) =>
        marketplace.query(fullRequest({ filters, sort: 'name' }));
      const run = (at: string, removed: number) =>
        store.recordRun({
          products: 7 - removed,
          written: 0,
          removed,
          statusesCopied: 0,
          durationMs: 1,
          at: new Date(at),
        });
      const before = await query();
      expect(before.totalItems).toBe(7);

      // Rentals leaves in the middle of a run: the page shows it gone at once, as do counts
      // under a term or a tag. The counts of the facet columns over everything, from which
      // a selection of them is counted too, wait for the run to end.
      await store.remove([ref('rentals')]);
      const during = await query();
      expect(names(during)).not.toContain('rentals');
      expect(during.totalItems).toBe(7);
      expect(during.facets).toEqual(before.facets);
      expect((await query({ domain: [ASSET] })).totalItems).toBe(3);
      expect((await query({ tag: ['rent'] })).totalItems).toBe(1);

      await run('2026-11-21T10:01:00Z', 0);
      expect((await query()).totalItems).toBe(7);

      await run('2026-11-21T10:02:00Z', 1);
      const after = await query();
      expect(after.totalItems).toBe(6);
      expect(after.facets.domain).toContainEqual({ value: ASSET, count: 2 });
      expect(after.facets.tag).toContainEqual({ value: 'rent', count: 1 });
      // Another replica, with nothing kept, gives the same.
      expect(
        await new MarketplaceQuery(knex).query(fullRequest({ sort: 'name' })),
      ).toEqual(after);
    });
  },
);
