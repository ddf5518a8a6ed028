import { knex as createKnex } from 'knex';
import { existsSync } from 'node:fs';
import { MarketplaceIndexer, MarketplaceIndexStore, MarketplaceQuery } from './src/search';
import { generateProducts } from './bench/marketplaceGenerator';
const N = Number(process.argv[2] ?? 100000);
const pg = process.argv.includes('--pg');
const shapes: Record<string, any> = {
  first: {},
  search: { term: 'ratings' },
  one: { filters: { domain: ['domain:default/brokerage'] } },
  three: { filters: { domain: ['domain:default/brokerage'], type: ['aggregate'], classification: ['internal', 'confidential'] } },
  sfn: { term: 'ratings', filters: { domain: ['domain:default/brokerage'] }, sort: 'newest' },
  mc: { filters: { lifecycle: ['production'], tag: ['tag-3'] }, sort: 'most-consumed' },
};
async function main() {
  let knex: any; let fresh: boolean;
  if (pg) {
    const name = `marketplace_prof_${N}`;
    const admin = createKnex({ client: 'pg', connection: 'postgresql://postgres@127.0.0.1:5432/postgres' });
    fresh = (await admin.raw('select 1 from pg_database where datname = ?', [name])).rows.length === 0;
    if (fresh) await admin.raw(`create database ${name}`);
    await admin.destroy();
    knex = createKnex({ client: 'pg', connection: `postgresql://postgres@127.0.0.1:5432/${name}` });
  } else {
    const file = `/tmp/prof-${N}.sqlite`;
    fresh = !existsSync(file);
    knex = createKnex({ client: 'better-sqlite3', connection: { filename: file }, useNullAsDefault: true });
  }
  if (fresh) {
    const products = generateProducts(N);
    const store = await MarketplaceIndexStore.create({ database: { getClient: async () => knex } as any });
    const entities = products.map(p => p.entity);
    const catalog = { async queryEntities(r: any) { const o = Number(r.cursor ?? 0); return { items: entities.slice(o, o + 500), pageInfo: { nextCursor: o + 500 < entities.length ? String(o + 500) : undefined } }; } } as any;
    await new MarketplaceIndexer({ catalog, auth: { getOwnServiceCredentials: async () => ({}) } as any, store, logger: { debug() {} } as any }).run();
    const rows = products.filter(p => p.governance).map(p => ({ entity_ref: `dataproduct:default/${p.entity.metadata.name}`, status: p.governance, failed_errors: 0, failed_warnings: 0, results: '[]', result_hash: 'x', evaluated_at: new Date() }));
    for (let i = 0; i < rows.length; i += 500) await knex('governance_results').insert(rows.slice(i, i + 500));
    if (pg) await knex.raw('vacuum analyze');
  }
  const q = new MarketplaceQuery(knex);
  const starts = new Map<string, number>();
  const log: Array<[number, string, any[]]> = [];
  knex.on('query', (d: any) => starts.set(d.__knexQueryUid, performance.now()));
  knex.on('query-response', (_r: any, d: any) => log.push([performance.now() - starts.get(d.__knexQueryUid)!, d.sql, d.bindings]));
  for (const name of (process.argv[3] ?? Object.keys(shapes).join(',')).split(',')) {
    const req = { filters: {}, sort: 'relevance', offset: 0, limit: 24, ...shapes[name] };
    for (let i = 0; i < 3; i++) await q.query(req);
    log.length = 0;
    const t = performance.now();
    await q.query(req);
    console.log(`== ${name}: ${(performance.now() - t).toFixed(1)} ms`);
    for (const [ms, sql, b] of [...log]) {
      console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${sql.slice(0, 400)}`);
      if (process.argv.includes('--plan')) {
        const plan = pg ? (await knex.raw('explain analyze ' + sql.replace(/\$\d+/g, '?'), b)).rows.map((r: any) => r['QUERY PLAN']).join('\n      ') : (await knex.raw('explain query plan ' + sql, b)).map((r: any) => r.detail).join(' | ');
        console.log('      ' + plan);
      }
    }
  }
  await knex.destroy();
}
main();
