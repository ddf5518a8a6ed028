/* eslint-disable no-console */
/*
 * The marketplace's query index: how long each query shape of the marketplace page takes at
 * 10,000 and 100,000 products, and how long the indexer's first full run takes.
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/marketplaceQueries.ts \
 *     [--products 10000,100000] [--rounds 50] [--postgres]
 *
 * For each size: a fresh database (a SQLite file in a temporary directory; with --postgres a
 * new database on the local PostgreSQL at 127.0.0.1:5432, user postgres, dropped after),
 * the plugin's migrations, the indexer's first run fed from an in-memory catalog of
 * generated products (bench/marketplaceGenerator.ts), governance results for five in six
 * products, then every query shape timed over the rounds after a warm-up, through
 * MarketplaceQuery, the code the route calls. The real catalog is measured elsewhere.
 */
import type { DatabaseService } from '@backstage/backend-plugin-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knex as createKnex, type Knex } from 'knex';
import { chunks } from '../src/database/tables';
import {
  MarketplaceIndexer,
  MarketplaceIndexStore,
  MarketplaceQuery,
  type MarketplaceQueryRequest,
} from '../src/search';
import { generateProducts, type BenchProduct } from './marketplaceGenerator';
import { memoryCatalog } from './memoryCatalog';

const POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

/**
 * Query shapes. Whole-index counts are kept in memory until a run changes the index
 * (WholeIndexCounts): the shapes are timed once they are counted. A shape marked "nothing
 * kept" is asked of a MarketplaceQuery that may keep nothing, as requests are after a run
 * changed the index until the counts are made again (in the background).
 */
const SHAPES: Array<[string, Partial<MarketplaceQueryRequest>]> = [
  ['first page', {}],
  ['first page, nothing kept', {}],
  ['search "ratings"', { term: 'ratings' }],
  // A word in about a quarter of the products: more than a page lists its matches for.
  ['search "leases"', { term: 'leases' }],
  ['one facet', { filters: { domain: ['domain:default/brokerage'] } }],
  [
    'one facet, nothing kept',
    { filters: { domain: ['domain:default/brokerage'] } },
  ],
  [
    'three facets',
    {
      filters: {
        domain: ['domain:default/brokerage'],
        type: ['aggregate'],
        classification: ['internal', 'confidential'],
      },
    },
  ],
  [
    'search + facet + newest',
    {
      term: 'ratings',
      filters: { domain: ['domain:default/brokerage'] },
      sort: 'newest',
    },
  ],
  [
    'most consumed, two facets',
    {
      filters: { lifecycle: ['production'], tag: ['tag-3'] },
      sort: 'most-consumed',
    },
  ],
];

const silentLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silentLogger;
  },
};

interface Database {
  knex: Knex;
  label: string;
  dispose(): Promise<void>;
}

function sqliteDatabase(): Database {
  const dir = mkdtempSync(join(tmpdir(), 'marketplace-bench-'));
  const knex = createKnex({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'marketplace.sqlite') },
    useNullAsDefault: true,
  });
  return {
    knex,
    label: 'SQLite (file)',
    async dispose() {
      await knex.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresDatabase(): Promise<Database> {
  const name = `marketplace_bench_${process.pid}_${Date.now()}`;
  const admin = createKnex({
    client: 'pg',
    connection: `${POSTGRES_URL}/postgres`,
  });
  await admin.raw(`CREATE DATABASE ${name}`);
  const knex = createKnex({
    client: 'pg',
    connection: `${POSTGRES_URL}/${name}`,
  });
  const [{ server_version: version }] = (await knex.raw('SHOW server_version'))
    .rows;
  return {
    knex,
    label: `PostgreSQL ${version}`,
    async dispose() {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
      await admin.destroy();
    },
  };
}

/** Governance results as the evaluator writes them, for the products that have one. */
async function writeGovernance(knex: Knex, products: BenchProduct[]) {
  const at = new Date();
  const rows = products
    .filter(p => p.governance)
    .map(({ entity, governance }) => ({
      entity_ref: `dataproduct:default/${entity.metadata.name}`,
      domain: String(entity.spec?.domain),
      owner: String(entity.spec?.owner),
      status: governance,
      failed_errors: governance === 'failing' ? 1 : 0,
      failed_warnings: governance === 'warning' ? 1 : 0,
      results: '[]',
      result_hash: governance,
      evaluated_at: at,
    }));
  for (const batch of chunks(rows, 500)) {
    await knex('governance_results').insert(batch);
  }
}

const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

async function benchSize(count: number, rounds: number, postgres: boolean) {
  const products = generateProducts(count);
  const database = postgres ? await postgresDatabase() : sqliteDatabase();
  try {
    const { knex } = database;
    const store = await MarketplaceIndexStore.create({
      database: { getClient: async () => knex } as unknown as DatabaseService,
    });
    const entities = products.map(p => p.entity);
    const indexer = new MarketplaceIndexer({
      catalog: memoryCatalog(() => entities).catalog,
      auth: { getOwnServiceCredentials: async () => ({}) } as any,
      store,
      logger: silentLogger as any,
    });
    console.log(
      `\n${database.label}, ${count.toLocaleString('en-US')} products`,
    );
    // Written before the index, so that the indexer's first run finds every queried table
    // filled and analyzes each (on PostgreSQL), as it does in a portal.
    await writeGovernance(knex, products);
    let started = performance.now();
    const first = await indexer.run();
    console.log(
      `  indexer, first full run      ${ms(performance.now() - started)}  (${
        first.written
      } written)`,
    );
    started = performance.now();
    const idle = await indexer.run();
    console.log(
      `  indexer, nothing changed     ${ms(performance.now() - started)}  (${
        idle.written
      } written)`,
    );

    const kept = new MarketplaceQuery(knex, { awaitWholeCounts: true });
    const keepingNothing = new MarketplaceQuery(knex, { maxKeptRows: 0 });
    console.log(
      `  ${'query shape'.padEnd(28)} ${'p50'.padStart(10)} ${'p95'.padStart(
        10,
      )}   matches`,
    );
    for (const [label, shape] of SHAPES) {
      const request: MarketplaceQueryRequest = {
        filters: {},
        sort: 'relevance',
        offset: 0,
        limit: 24,
        ...shape,
      };
      const asked = () =>
        label.endsWith('nothing kept') ? keepingNothing : kept;
      let totalItems = 0;
      for (let i = 0; i < 5; i++) {
        totalItems = (await asked().query(request)).totalItems;
      }
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const query = asked();
        const t = performance.now();
        await query.query(request);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(
        `  ${label.padEnd(28)} ${ms(percentile(times, 0.5))} ${ms(
          percentile(times, 0.95),
        )}   ${totalItems}`,
      );
    }
  } finally {
    await database.dispose();
  }
}

async function main() {
  const sizes = (option('products') ?? '10000,100000').split(',').map(Number);
  const rounds = Number(option('rounds') ?? 50);
  const postgres = process.argv.includes('--postgres');
  console.log(
    `Marketplace query index: ${rounds} rounds per query shape after 5 warm-up rounds, page of 24, Node ${process.version}`,
  );
  for (const size of sizes) {
    await benchSize(size, rounds, postgres);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
