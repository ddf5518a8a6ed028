import type { Knex } from 'knex';
import { DatabaseGovernanceStore } from '../database';
import { createTestDatabases } from './__testUtils__/databases';
import { BROKERAGE, seedIndex } from './__testUtils__/seededIndex';
import { MarketplaceQuery } from './MarketplaceQuery';
import { isPostgres, SEARCH_COPIED_COLUMNS } from './tables';
import type { MarketplaceQueryRequest } from './types';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const TABLES = [
  'marketplace_products',
  'marketplace_product_details',
  'marketplace_product_values',
  'marketplace_index_runs',
  'marketplace_product_search',
];
const MIGRATION = '20261121120000_marketplace_index.js';
/** Adds to the index (source_etag) and to governance (governance_inputs). */
const INCREMENTAL = '20261206000000_incremental_runs.js';
/** Adds each product's tags and port types to its row (list_values). */
const LIST_VALUES = '20261207000000_product_list_values.js';
/** Adds each product's governance status to its row, and the index's version. */
const GOVERNANCE_STATUS = '20261208000000_product_governance_status.js';
/** Moves the search text out of the details, into a table of its own on PostgreSQL. */
const SEARCH_TEXT = '20261209000000_product_search_text.js';
/** Carries the facet columns in the index of the order by name. */
const COVERING_TITLE = '20261210000000_covering_title_index.js';
const directory = DatabaseGovernanceStore.migrationsDirectory;

/** The tables of the migrations that exist (on SQLite, the search table is FTS5's). */
async function existingTables(knex: Knex): Promise<string[]> {
  const present: string[] = [];
  for (const table of TABLES) {
    if (await knex.schema.hasTable(table)) {
      present.push(table);
    }
  }
  return present;
}

const countRows = async (knex: Knex, table: string) =>
  Number((await knex(table).count({ n: '*' }))[0].n);

/**
 * How the statement that lists a page's entity refs reads the products, when it is made to
 * walk the title order (no scan of the table, no sort): the plan's scan of \`p\`.
 */
async function titleIndexPlan(
  knex: Knex,
  page: (k: Knex) => Promise<unknown>,
): Promise<string> {
  const statements: Array<{ sql: string; bindings: Knex.RawBinding[] }> = [];
  const capture = (q: { sql: string; bindings: Knex.RawBinding[] }) => {
    if (/^select [`"]p[`"]\.[`"]entity_ref[`"] from/i.test(q.sql)) {
      // As a raw statement takes them: PostgreSQL's numbered bindings back to knex's.
      statements.push({ ...q, sql: q.sql.replace(/\$\d+/g, '?') });
    }
  };
  knex.on('query', capture);
  await page(knex);
  knex.removeListener('query', capture);
  expect(statements).toHaveLength(1);
  const [{ sql, bindings }] = statements;
  if (!isPostgres(knex)) {
    const forced = sql.replace(
      /(as `p`)/,
      '$1 INDEXED BY marketplace_products_title_idx',
    );
    const rows = await knex.raw(`EXPLAIN QUERY PLAN ${forced}`, bindings);
    return rows
      .map((r: any) => String(r.detail))
      .filter((detail: string) => detail.startsWith('SCAN p'))
      .join('; ');
  }
  return knex.transaction(async tx => {
    await tx.raw('SET LOCAL enable_seqscan = off');
    await tx.raw('SET LOCAL enable_bitmapscan = off');
    await tx.raw('SET LOCAL enable_sort = off');
    const { rows } = await tx.raw(`EXPLAIN ${sql}`, bindings);
    return rows
      .map(
        (r: any) =>
          r['QUERY PLAN'].match(/(Index (?:Only )?Scan using \S+)/)?.[1],
      )
      .filter(Boolean)
      .join('; ');
  });
}

const firstPage = (
  knex: Knex,
  filters: MarketplaceQueryRequest['filters'] = {},
) =>
  new MarketplaceQuery(knex).query({
    term: 'ratings',
    filters,
    sort: 'relevance',
    offset: 0,
    limit: 24,
  });

describe.each(databases.eachSupportedId())(
  'marketplace index migration on %s',
  databaseId => {
    it('goes up with the plugin’s other migrations, holds data, comes down with data in it, and goes up again', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      const all = await existingTables(knex);
      expect(all).toHaveLength(5);

      await seedIndex(knex);
      expect(await countRows(knex, 'marketplace_products')).toBe(7);
      expect((await firstPage(knex)).totalItems).toBe(3);

      await knex.migrate.down({ directory, name: COVERING_TITLE });
      await knex.migrate.down({ directory, name: SEARCH_TEXT });
      await knex.migrate.down({ directory, name: GOVERNANCE_STATUS });
      await knex.migrate.down({ directory, name: LIST_VALUES });
      await knex.migrate.down({ directory, name: INCREMENTAL });
      await knex.migrate.down({ directory, name: MIGRATION });
      expect(await existingTables(knex)).toEqual([]);
      // The governance results it indexed stay, without the index it added to them.
      expect(await countRows(knex, 'governance_results')).toBe(7);

      await knex.migrate.latest({ directory });
      expect(await existingTables(knex)).toEqual(all);
      expect(await countRows(knex, 'marketplace_products')).toBe(0);
      await knex('governance_results').delete();
      await seedIndex(knex);
      expect((await firstPage(knex)).totalItems).toBe(3);
    });

    it('adds the versions runs compare with, and takes them away again keeping the index', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      await seedIndex(knex);
      await knex('marketplace_products').update({ source_etag: 'e1' });
      await knex('governance_inputs').insert({
        entity_ref: 'dataproduct:default/rentals',
        inputs_digest: 'd1',
        depends_on: '["group:default/rentals-team"]',
      });

      await knex.migrate.down({ directory, name: INCREMENTAL });
      expect(await knex.schema.hasTable('governance_inputs')).toBe(false);
      expect(
        await knex.schema.hasColumn('marketplace_products', 'source_etag'),
      ).toBe(false);
      expect(await countRows(knex, 'marketplace_products')).toBe(7);
      expect((await firstPage(knex)).totalItems).toBe(3);

      await knex.migrate.latest({ directory });
      // Rows read before versions were kept have none: the next run reads them again.
      expect(
        (await knex('marketplace_products').distinct('source_etag')).map(
          r => r.source_etag,
        ),
      ).toEqual([null]);
      expect(await countRows(knex, 'governance_inputs')).toBe(0);
    });

    it('fills the list of tags and port types on each product row from its value rows, and takes it away again keeping the index', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      await seedIndex(knex);
      const counted = await firstPage(knex);

      await knex.migrate.down({ directory, name: GOVERNANCE_STATUS });
      await knex.migrate.down({ directory, name: LIST_VALUES });
      expect(
        await knex.schema.hasColumn('marketplace_products', 'list_values'),
      ).toBe(false);
      expect(await countRows(knex, 'marketplace_products')).toBe(7);

      await knex.migrate.latest({ directory });
      const lists = await knex('marketplace_products')
        .select('entity_ref', 'list_values')
        .orderBy('entity_ref');
      const listOf = (value: string[] | string) =>
        (Array.isArray(value) ? value : JSON.parse(value)).sort();
      expect(
        lists.map(row => [row.entity_ref, listOf(row.list_values)]),
      ).toEqual([
        [
          'dataproduct:default/credit-risk-dashboard',
          ['port:api', 'port:file', 'tag:credit', 'tag:ratings'],
        ],
        ['dataproduct:default/discount-offers', ['port:file']],
        [
          'dataproduct:default/entity-ratings',
          ['port:sql-view', 'tag:credit', 'tag:ratings'],
        ],
        ['dataproduct:default/ratings-feed', ['port:stream', 'tag:ratings']],
        [
          'dataproduct:default/rent-roll',
          ['port:table', 'tag:leases', 'tag:rent'],
        ],
        ['dataproduct:default/rentals', ['port:api', 'tag:rent']],
        [
          'dataproduct:default/tenancy-analytics',
          ['port:sql-view', 'port:table', 'tag:leases', 'tag:tenants'],
        ],
      ]);
      // A search counts tags and port types from the lists: the same as before.
      expect(await firstPage(knex)).toEqual(counted);
    });

    it('copies each product’s governance status onto its row, and takes it away again keeping the index', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      await seedIndex(knex);
      const counted = await firstPage(knex);
      const byStatus = await firstPage(knex, { governance: ['failing'] });
      const { finished_at: finishedAt } = await knex(
        'marketplace_index_runs',
      ).first();

      await knex.migrate.down({ directory, name: GOVERNANCE_STATUS });
      expect(
        await knex.schema.hasColumn('marketplace_products', 'governance'),
      ).toBe(false);
      expect(
        await knex.schema.hasColumn('marketplace_index_runs', 'changed_at'),
      ).toBe(false);
      expect(await countRows(knex, 'marketplace_products')).toBe(7);

      await knex.migrate.latest({ directory });
      const statuses = await knex('marketplace_products')
        .select('entity_ref', 'governance')
        .orderBy('entity_ref');
      expect(statuses.map(row => row.governance)).toEqual([
        'failing', // credit-risk-dashboard
        'passing', // discount-offers
        'warning', // entity-ratings
        'passing', // ratings-feed
        'failing', // rent-roll
        null, // rentals: not evaluated
        'passing', // tenancy-analytics
      ]);
      expect(await knex('marketplace_index_runs').first()).toMatchObject({
        changed_at: finishedAt,
      });
      expect(await firstPage(knex)).toEqual(counted);
      expect(await firstPage(knex, { governance: ['failing'] })).toEqual(
        byStatus,
      );
    });

    it('moves each product’s search text out of its details, and back again keeping the index', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      await seedIndex(knex);
      const searched = await firstPage(knex);
      const texts = async (table: string) =>
        knex(table).select('entity_ref', 'search_text').orderBy('entity_ref');
      const moved = await texts('marketplace_product_search');
      expect(moved).toHaveLength(7);
      expect(
        await knex.schema.hasColumn(
          'marketplace_product_details',
          'search_text',
        ),
      ).toBe(false);

      await knex.migrate.down({ directory, name: SEARCH_TEXT });
      expect(await texts('marketplace_product_details')).toEqual(moved);
      expect(await knex.schema.hasTable('marketplace_product_search')).toBe(
        !isPostgres(knex), // SQLite's FTS5 table is the first migration's
      );

      await knex.migrate.latest({ directory });
      expect(await texts('marketplace_product_search')).toEqual(moved);
      // On PostgreSQL, with a copy of what a page with a term filters, counts and sorts on.
      const copied = async (table: string) =>
        knex(table)
          .select('entity_ref', ...SEARCH_COPIED_COLUMNS, 'governance')
          .orderBy('entity_ref');
      const products = await copied('marketplace_products');
      expect(products).toHaveLength(7);
      for (const table of isPostgres(knex)
        ? ['marketplace_product_search']
        : []) {
        expect(await copied(table)).toEqual(products);
      }
      expect(await firstPage(knex)).toEqual(searched);
    });

    it('reads a page of a selection of the facet columns in title order from the title index alone, and comes down keeping the pages', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      await seedIndex(knex);
      const selection = {
        domain: [BROKERAGE],
        classification: ['internal', 'confidential'],
        lifecycle: ['production'],
      };
      const page = (k: Knex) =>
        new MarketplaceQuery(k).query({
          term: '',
          filters: selection,
          sort: 'name',
          offset: 0,
          limit: 24,
        });
      const selected = await page(knex);
      expect(selected.items.map(item => item.entityRef)).toEqual([
        'dataproduct:default/entity-ratings',
        'dataproduct:default/tenancy-analytics',
      ]);
      expect(await titleIndexPlan(knex, page)).toEqual(
        isPostgres(knex)
          ? 'Index Only Scan using marketplace_products_title_idx'
          : 'SCAN p USING COVERING INDEX marketplace_products_title_idx',
      );

      await knex.migrate.down({ directory, name: COVERING_TITLE });
      expect(await titleIndexPlan(knex, page)).toEqual(
        isPostgres(knex)
          ? 'Index Scan using marketplace_products_title_idx'
          : 'SCAN p USING INDEX marketplace_products_title_idx',
      );
      expect(await page(knex)).toEqual(selected);
      await knex.migrate.latest({ directory });
      expect(await page(knex)).toEqual(selected);
    });

    it('documents every table and column, and indexes search text by trigrams where it can', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      if (!isPostgres(knex)) {
        return; // SQLite keeps no comments; PostgreSQL shows that the migration wrote them.
      }
      const { rows: tables } = await knex.raw(
        'SELECT relname FROM pg_class WHERE relname = ANY(?) AND obj_description(oid) IS NULL',
        [TABLES],
      );
      expect(tables).toEqual([]);
      const { rows: columns } = await knex.raw(
        `SELECT c.table_name, c.column_name
           FROM information_schema.columns c
          WHERE c.table_name = ANY(?)
            AND col_description(
                  (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass,
                  c.ordinal_position) IS NULL`,
        [TABLES],
      );
      expect(columns).toEqual([]);

      const { rows: trigram } = await knex.raw(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'",
      );
      const { rows: indexes } = await knex.raw(
        "SELECT indexdef FROM pg_indexes WHERE indexname = 'marketplace_product_search_text_idx'",
      );
      expect(indexes).toHaveLength(trigram.length);
    });
  },
);
