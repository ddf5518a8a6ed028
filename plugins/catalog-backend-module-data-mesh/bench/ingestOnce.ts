/*
 * One benchmark run, in its own process so that memory figures are its own:
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/ingestOnce.ts <products|components> <N>
 * Starts a real backend (catalog + the data mesh module) on a fresh SQLite folder, waits
 * until every generated entity is visible (processed and stitched), prints one JSON line.
 */
import { createBackend } from '@backstage/backend-defaults';
import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { generateMesh } from './generateMesh';

async function main() {
  const [shape, countArg] = process.argv.slice(2) as [
    'products' | 'components',
    string,
  ];
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
        database: {
          client: 'better-sqlite3',
          connection: { directory: join(work, 'db') },
        },
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
  const started = Date.now();
  await backend.start();

  // Read beside the catalog's writer; wait out its write locks rather than fail.
  const db = new Database(join(work, 'db', 'catalog.sqlite'), {
    readonly: true,
    timeout: 30_000,
  });
  const countVisible = db.prepare(
    'SELECT COUNT(*) AS n FROM final_entities WHERE final_entity IS NOT NULL',
  );
  let lastCount = 0;
  const visible = () => {
    try {
      lastCount = (countVisible.get() as { n: number }).n;
    } catch (error) {
      // The catalog's writer held the file longer than the busy timeout: count next time.
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') {
        throw error;
      }
    }
    return lastCount;
  };
  // Until everything is visible; a run that makes no progress for ten minutes has failed
  // (the catalog reads all targets of one Location before it writes any of them).
  let seen = visible();
  let lastProgress = Date.now();
  while (seen < expectedEntities && Date.now() - lastProgress < 600_000) {
    await new Promise(r => setTimeout(r, 250));
    const now = visible();
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
  db.close();
  await backend.stop();
  process.exit(0);
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
