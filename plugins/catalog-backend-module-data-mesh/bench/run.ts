/*
 * The ingestion benchmark: N generated data products (ODPS descriptor + ODCS contract,
 * with lineage) against N plain Components, each through a real catalog backend with the
 * data mesh module on SQLite (or, with --postgres, on the local PostgreSQL), in its own
 * process. Prints what it measured.
 *   yarn bench:ingest [N ...] [--postgres]        (default: 1000 10000)
 */
import { spawnSync } from 'child_process';
import { resolve } from 'path';

interface RunResult {
  shape: string;
  count: number;
  entities: number;
  expectedEntities: number;
  seconds: number;
  peakRssMiB: number;
}

const database = process.argv.includes('--postgres') ? 'postgres' : 'sqlite';

function runOnce(shape: 'products' | 'components', count: number): RunResult {
  const child = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=4096',
      '-r',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      resolve(__dirname, 'ingestOnce.ts'),
      shape,
      String(count),
      database,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, LOG_LEVEL: 'warn' },
    },
  );
  const line = child.stdout.split('\n').find(l => l.startsWith('BENCH '));
  if (!line) {
    throw new Error(
      `run ${shape} ${count} failed: ${child.stderr.slice(-2000)}`,
    );
  }
  return JSON.parse(line.slice('BENCH '.length));
}

const complete = (r: RunResult) =>
  r.entities >= r.expectedEntities
    ? ''
    : ` (INCOMPLETE: ${r.entities}/${r.expectedEntities})`;
const print = (line: string) => process.stdout.write(`${line}\n`);
const rate = (n: number, seconds: number) => (n / seconds).toFixed(1);

// Each line is printed as soon as its run ends, so a failing run keeps the others' figures.
const counts = process.argv
  .slice(2)
  .filter(arg => /^\d+$/.test(arg))
  .map(Number);
print(`catalog database: ${database === 'postgres' ? 'PostgreSQL' : 'SQLite'}`);
for (const count of counts.length ? counts : [1000, 10000]) {
  const plain = runOnce('components', count);
  print(
    `N=${count} plain Components: ${
      plain.entities
    } entities visible in ${plain.seconds.toFixed(1)} s = ${rate(
      plain.entities,
      plain.seconds,
    )} entities/s, peak RSS ${plain.peakRssMiB} MiB${complete(plain)}`,
  );
  const mesh = runOnce('products', count);
  print(
    `N=${count} data products (ODPS + ODCS, lineage): ${
      mesh.entities
    } entities visible in ${mesh.seconds.toFixed(1)} s = ${rate(
      count,
      mesh.seconds,
    )} products/s, ${rate(mesh.entities, mesh.seconds)} entities/s, peak RSS ${
      mesh.peakRssMiB
    } MiB${complete(mesh)}`,
  );
  print(
    `N=${count} cost of a product vs a plain Component: ${(
      mesh.seconds / plain.seconds
    ).toFixed(2)}x time, ${(mesh.peakRssMiB / plain.peakRssMiB).toFixed(
      2,
    )}x peak memory`,
  );
}
