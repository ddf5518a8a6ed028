import { knex as createKnex } from 'knex';
import { MarketplaceIndexer, MarketplaceIndexStore, MarketplaceQuery } from './src/search';
import { generateProducts } from './bench/marketplaceGenerator';
const N = Number(process.argv[2] ?? 100000);
const name = `marketplace_prof_${N}`;
async function main() {
  const admin = createKnex({ client: 'pg', connection: 'postgresql://postgres@127.0.0.1:5432/postgres' });
  const exists = (await admin.raw('select 1 from pg_database where datname = ?', [name])).rows.length > 0;
  if (!exists) await admin.raw(`create database ${name}`);
  await admin.destroy();
  const knex = createKnex({ client: 'pg', connection: `postgresql://postgres@127.0.0.1:5432/${name}` });
  if (!exists) {
    const products = generateProducts(N);
    const store = await MarketplaceIndexStore.create({ database: { getClient: async () => knex } as any });
    const entities = products.map(p => p.entity);
    const catalog = { async queryEntities(r: any) { const o = Number(r.cursor ?? 0); return { items: entities.slice(o, o + 500), pageInfo: { nextCursor: o + 500 < entities.length ? String(o + 500) : undefined } }; } } as any;
    await new MarketplaceIndexer({ catalog, auth: { getOwnServiceCredentials: async () => ({}) } as any, store, logger: { debug() {} } as any }).run();
    const rows = products.filter(p => p.governance).map(p => ({ entity_ref: `dataproduct:default/${p.entity.metadata.name}`, status: p.governance, failed_errors: 0, failed_warnings: 0, results: '[]', result_hash: 'x', evaluated_at: new Date() }));
    for (let i = 0; i < rows.length; i += 500) await knex('governance_results').insert(rows.slice(i, i + 500));
    await knex.raw('analyze');
  }
  const sqls = process.argv.slice(3);
  for (const sql of sqls) {
    const plan = await knex.raw('explain (analyze, buffers) ' + sql);
    console.log(sql.slice(0, 200));
    console.log(plan.rows.map((r: any) => r['QUERY PLAN']).join('\n'));
  }
  await knex.destroy();
}
main();
