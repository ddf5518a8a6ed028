/*
 * One benchmark run, in its own process so that memory figures are its own:
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/ingestOnce.ts \
 *     <products|components> <N> [sqlite|postgres]
 * Starts a real backend (catalog + the data mesh module) on a fresh database (a SQLite
 * folder, or new databases on the local PostgreSQL, dropped after), waits until every
 * generated entity is visible (processed and stitched), prints one JSON line.
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import type { Knex } from 'knex';
import { tmpdir } from 'os';
import { join } from 'path';
import { generateMesh } from './generateMesh';

/** The catalog's own database client, to count what it has stitched. */
function catalogDatabaseProbe() {
  let client: Knex | undefined;
  const module = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'bench-probe',
    register(reg) {
      reg.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          client = await database.getClient();
        },
      });
    },
  });
  return { module, client: () => client! };
}

function databaseConfig(kind: string, work: string, prefix: string) {
  if (kind === 'postgres') {
    return {
      client: 'pg',
      prefix,
      connection: {
        host: process.env.PGHOST ?? '127.0.0.1',
        port: Number(process.env.PGPORT ?? 5432),
        user: process.env.PGUSER ?? 'postgres',
        password: process.env.PGPASSWORD,
      },
    };
  }
  return {
    client: 'better-sqlite3',
    connection: { directory: join(work, 'db') },
  };
}

function dropPostgresDatabases(prefix: string) {
  const psql = (sql: string) =>
    spawnSync(
      'psql',
      [
        '-h',
        process.env.PGHOST ?? '127.0.0.1',
        '-U',
        process.env.PGUSER ?? 'postgres',
        '-Atc',
        sql,
      ],
      { encoding: 'utf8' },
    ).stdout ?? '';
  for (const name of psql('select datname from pg_database').split('\n')) {
    if (name.startsWith(prefix)) {
      psql(`drop database "${name}" with (force)`);
    }
  }
}

async function main() {
  const [shape, countArg, databaseKind = 'sqlite'] = process.argv.slice(2) as [
    'products' | 'components',
    string,
    string?,
  ];
  const prefix = `bench_ingest_${Date.now().toString(36)}_`;
  const count = Number(countArg);
  const work = mkdtempSync(join(tmpdir(), `datamesh-bench-${shape}-`));
  const { locationFile, expectedEntities } = generateMesh(
    join(work, 'mesh'),
    count,
    shape,
  );
  const configFile = join(work, 'app-config.yaml');
  writeFileSync(
    configFile,
    JSON.stringify({
      backend: {
        baseUrl: 'http://localhost:7077',
        listen: { port: 7077 },
        database: databaseConfig(databaseKind, work, prefix),
      },
      catalog: {
        rules: [
          {
            allow: [
              'Component',
              'API',
              'Location',
              'DataProduct',
              'Domain',
              'Group',
            ],
          },
        ],
        locations: [{ type: 'file', target: locationFile }],
      },
    }),
  );
  process.argv.push('--config', configFile);

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 200);

  const backend = createBackend();
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('../src'));
  const probe = catalogDatabaseProbe();
  backend.add(probe.module);
  const started = Date.now();
  await backend.start();

  const visible = async () => {
    const [{ n }] = await probe
      .client()('final_entities')
      .whereNotNull('final_entity')
      .count({ n: '*' });
    return Number(n);
  };
  // Until everything is visible; a run that makes no progress for ten minutes has failed
  // (the catalog reads all targets of one Location before it writes any of them).
  let seen = await visible();
  let lastProgress = Date.now();
  while (seen < expectedEntities && Date.now() - lastProgress < 600_000) {
    await new Promise(r => setTimeout(r, 250));
    const now = await visible();
    if (now > seen) {
      lastProgress = Date.now();
    }
    seen = now;
  }
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  process.stdout.write(
    `BENCH ${JSON.stringify({
      shape,
      count,
      entities: seen,
      expectedEntities,
      seconds,
      peakRssMiB: Math.round(peakRss / 2 ** 20),
    })}\n`,
  );
  await backend.stop();
  if (databaseKind === 'postgres') {
    dropPostgresDatabases(prefix);
  }
  process.exit(0);
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
