import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { parse, stringify } from 'yaml';
import { writeGeneratedProducts } from './generateProducts';

/**
 * The demo portal's real backend (packages/backend, app-config.yaml) on a fresh database
 * with N generated data products added to the demo catalog, for the benchmarks. It serves
 * the built app too (packages/app/dist), as in production.
 */

export const repoRoot = resolve(__dirname, '../../..');
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

export interface BenchPortal {
  baseUrl: string;
  /** A bearer token of a demo persona. */
  token(persona?: string): Promise<string>;
  /** Seconds from start until the catalog held every generated product. */
  ingestionSeconds: number;
  stop(): Promise<void>;
}

export async function poll<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2000);
  }
}

/** The demo's config plus the generated products; the database SQLite or PostgreSQL. */
function writeBenchConfig(options: {
  workDir: string;
  productsFiles: string[];
  baseUrl: string;
  port: number;
  postgresPrefix?: string;
  processingIntervalMinutes?: number;
}) {
  const appConfig = parse(
    readFileSync(join(repoRoot, 'app-config.yaml'), 'utf8'),
  );
  const backendDir = join(repoRoot, 'packages/backend');
  const locations = appConfig.catalog.locations.map((l: any) =>
    l.target.includes('${')
      ? l
      : { ...l, target: resolve(backendDir, l.target) },
  );
  const database = options.postgresPrefix
    ? {
        client: 'pg',
        prefix: options.postgresPrefix,
        connection: {
          host: process.env.PGHOST ?? '127.0.0.1',
          port: Number(process.env.PGPORT ?? 5432),
          user: process.env.PGUSER ?? 'postgres',
        },
      }
    : undefined;
  const file = join(options.workDir, 'bench-config.yaml');
  writeFileSync(
    file,
    stringify({
      app: { baseUrl: options.baseUrl },
      backend: {
        baseUrl: options.baseUrl,
        listen: { port: options.port },
        cors: { origin: options.baseUrl },
        ...(database ? { database } : {}),
      },
      catalog: {
        // A large catalog is reprocessed less often than the default 100 to 150 s (Backstage's
        // advice): 200,000 entities take this 2-core machine longer than that to reprocess.
        ...(options.processingIntervalMinutes
          ? {
              processingInterval: {
                minutes: options.processingIntervalMinutes,
              },
            }
          : {}),
        locations: [
          ...locations,
          ...options.productsFiles.map(target => ({ type: 'file', target })),
        ],
      },
    }),
  );
  return file;
}

function dropPostgresDatabases(prefix: string) {
  const list = spawnSync(
    'psql',
    [
      '-h',
      '127.0.0.1',
      '-U',
      'postgres',
      '-Atc',
      'select datname from pg_database',
    ],
    { encoding: 'utf8' },
  );
  for (const name of list.stdout.split('\n')) {
    if (name.startsWith(prefix)) {
      spawnSync('psql', [
        '-h',
        '127.0.0.1',
        '-U',
        'postgres',
        '-c',
        `drop database "${name}" with (force)`,
      ]);
    }
  }
}

/** How many entities of the catalog match a filter (`/entities/by-query` syntax). */
export async function catalogCount(
  baseUrl: string,
  token: string,
  filter: string,
): Promise<number> {
  const response = await fetch(
    `${baseUrl}/api/catalog/entities/by-query?filter=${filter}&limit=1`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  return (await response.json()).totalItems;
}

/** A bearer token of a demo persona, from the demo's sign-in. */
export async function personaToken(
  baseUrl: string,
  persona = 'kwame.mensah',
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/demo-personas/refresh`, {
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      'x-datamesh-persona': persona,
    },
  });
  if (!response.ok) throw new Error(`sign-in: HTTP ${response.status}`);
  return (await response.json()).backstageIdentity.token as string;
}

export async function startBenchPortal(options: {
  products: number;
  postgres?: boolean;
  port?: number;
  /** catalog.processingInterval; the catalog's default when not given. */
  processingIntervalMinutes?: number;
}): Promise<BenchPortal> {
  const port = options.port ?? Number(process.env.BENCH_PORT ?? 7017);
  const baseUrl = `http://localhost:${port}`;
  const workDir = mkdtempSync(join(tmpdir(), 'datamesh-bench-'));
  const productsFiles = writeGeneratedProducts(workDir, options.products);
  const postgresPrefix = options.postgres
    ? `bench_${Date.now().toString(36)}_`
    : undefined;
  const configFile = writeBenchConfig({
    workDir,
    productsFiles,
    baseUrl,
    port,
    postgresPrefix,
    processingIntervalMinutes: options.processingIntervalMinutes,
  });
  // The backend as `yarn start` runs it (development mode, for the demo's sign-in), but
  // without its file watcher: an edit elsewhere in the repo must not restart it mid-run.
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '-r',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      join(repoRoot, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: join(repoRoot, 'packages/backend'),
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATAMESH_DATA_DIR: workDir,
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      },
      // Its own process group: stopped as one, never left behind.
      detached: true,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    await sleep(500);
    rmSync(workDir, { recursive: true, force: true });
    if (postgresPrefix) dropPostgresDatabases(postgresPrefix);
  };
  process.on('exit', () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  });

  const token = (persona?: string) => personaToken(baseUrl, persona);

  try {
    const started = Date.now();
    await poll(
      'the backend',
      async () => {
        const r = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
        return r.ok ? true : undefined;
      },
      300_000,
    );
    await poll(
      'every generated product in the catalog',
      async () => {
        const listed = await catalogCount(
          baseUrl,
          await token(),
          'kind=dataproduct,metadata.annotations.datamesh/listed-at',
        );
        // Listed and post-processed: the demo's five products plus every generated one.
        return listed >= options.products + 5 ? true : undefined;
      },
      4 * 3_600_000,
    );
    return {
      baseUrl,
      token,
      ingestionSeconds: (Date.now() - started) / 1000,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
