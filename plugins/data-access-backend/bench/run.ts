/*
 * The access-request benchmark: a real backend (startBenchBackend.ts, its own process) on
 * PostgreSQL, loaded with autocannon as the guest user, beside PostgreSQL's own single-row
 * insert rate from pgbench. Prints what it measured, with the targets beside:
 *   node -r @backstage/cli/config/nodeTransform.cjs plugins/data-access-backend/bench/run.ts \
 *     [--connections 10] [--duration 15] [--workers 1] [--no-cache]
 * --workers 2 runs two whole backends on the port (node:cluster), like two replicas.
 * --no-cache sets dataAccess.cacheTtl to 0s: every request asks the permission policy and
 * the catalog, as the first request of a user or for a product does.
 * PostgreSQL: 127.0.0.1:5432 as postgres unless PGHOST, PGPORT, PGUSER, PGPASSWORD say
 * otherwise. Every database it creates is named bench_access_<time>_*, and dropped at the end.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { measureCpu, NOT_QUIET_CORES, type CpuUse } from './cpu';
import { runPgbench, type PgbenchResult } from './pgbench';
import {
  countRows,
  dropDatabasesWithPrefix,
  postgresFromEnv,
  serverVersion,
  type PostgresConnection,
} from './postgres';

const TARGETS = { createsPerSecond: 300, readsPerSecond: 1000, p99Ms: 100 };
const WARMUP_SECONDS = 3;
/** Ports the lead's tests use: never taken here. */
const RESERVED_PORTS = [3000, 7007];

const PRODUCT = 'dataproduct:default/entity-ratings';
const CREATE_BODY = JSON.stringify({
  dataProduct: PRODUCT,
  outputPort: 'current-ratings',
  purpose: {
    category: 'analytics',
    text: 'Benchmark: the credit standing of our tenants for the quarterly risk report.',
  },
});

const print = (line: string) => process.stdout.write(`${line}\n`);

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`--${name}: expected a positive whole number`);
  }
  return value;
}

async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolvePort, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() =>
          resolvePort(
            typeof address === 'object' && address ? address.port : 0,
          ),
        );
      });
    });
    if (port && !RESERVED_PORTS.includes(port)) {
      return port;
    }
  }
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** The backend's process, and what it logged (LOG_LEVEL=warn: warnings and errors). */
interface BenchBackend {
  baseUrl: string;
  child: ChildProcess;
  /** Says what the benchmark is doing from now on; each log line is tagged with it. */
  setPhase(phase: string): void;
  logLines: Array<{ phase: string; line: string }>;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

function startBackend(options: {
  workDir: string;
  port: number;
  databasePrefix: string;
  workers: number;
}): BenchBackend {
  const { workDir, port, databasePrefix, workers } = options;
  const child = spawn(
    process.execPath,
    [
      '-r',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      resolve(__dirname, 'startBenchBackend.ts'),
      workDir,
      String(port),
      databasePrefix,
      String(workers),
    ],
    {
      cwd: resolve(__dirname, '..'),
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        FORCE_COLOR: '0',
        BENCH_CACHE_TTL: process.argv.includes('--no-cache') ? '0s' : '',
      },
      // Its own process group, workers included: stopped as one, never left behind.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logLines: BenchBackend['logLines'] = [];
  let phase = 'startup';
  const collect = (chunk: Buffer) => {
    for (const line of stripAnsi(chunk.toString()).split('\n')) {
      // Not logs: the marker startBenchBackend.ts prints, and the config loader's notice.
      if (
        line.trim() &&
        line.trim() !== 'BENCH_BACKEND_STARTED' &&
        !line.startsWith('Loading config from')
      ) {
        logLines.push({ phase, line });
      }
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>(resolveExit =>
    child.on('exit', code => resolveExit(code)),
  );
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    setPhase(next) {
      phase = next;
    },
    logLines,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      phase = 'stopping';
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // already gone
        }
      };
      signalGroup('SIGTERM');
      // Outside NODE_ENV=development Backstage's HTTP server waits for open requests to end
      // before it closes, and the events bus keeps a long poll open: stopping may never end.
      const stopped = await Promise.race([
        exited.then(() => true),
        sleep(10_000).then(() => false),
      ]);
      if (!stopped) {
        signalGroup('SIGKILL');
        await exited;
      }
    },
  };
}

/** Calls fn until it answers, or fails once the backend exited or the time is up. */
async function waitFor<T>(
  backend: BenchBackend,
  what: string,
  fn: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    if (backend.child.exitCode !== null) {
      throw new Error(
        `the backend exited (${
          backend.child.exitCode
        }) before ${what}:\n${backend.logLines
          .slice(-30)
          .map(({ line }) => line)
          .join('\n')}`,
      );
    }
    try {
      const value = await fn();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      lastError = String(error);
      if (lastError.includes('fetch failed')) {
        lastError = `${lastError}: the backend does not answer yet`;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}${lastError ? ` (${lastError})` : ''}`,
      );
    }
    await sleep(500);
  }
}

async function guestToken(baseUrl: string): Promise<string | undefined> {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) {
    throw new Error(
      `GET /api/auth/guest/refresh answered ${res.status}: ${await res.text()}`,
    );
  }
  const body = await res.json();
  return body?.backstageIdentity?.token;
}

interface Scenario {
  /** creates, reads, floor */
  key: string;
  title: string;
  result: autocannon.Result;
  cpu?: CpuUse;
}

async function load(
  backend: BenchBackend,
  seconds: number,
  options: { connections: number; requests: autocannon.Request[] },
): Promise<{ result: autocannon.Result; cpu?: CpuUse }> {
  const endCpu = measureCpu(backend.child.pid!);
  const result = await autocannon({
    url: backend.baseUrl,
    duration: seconds,
    ...options,
  });
  return { result, cpu: endCpu?.() };
}

/** A warm-up, unreported, then the measured run; prints what it measured. */
async function runScenario(
  backend: BenchBackend,
  scenario: { key: string; title: string },
  options: {
    connections: number;
    seconds: number;
    /** Fresh objects for each run: autocannon keeps its state in them. */
    requests: () => autocannon.Request[];
  },
): Promise<Scenario> {
  const { connections, seconds, requests } = options;
  backend.setPhase(`${scenario.key} warm-up`);
  await load(backend, WARMUP_SECONDS, {
    connections,
    requests: requests(),
  });
  backend.setPhase(`${scenario.key}, or just after`);
  const measured = {
    ...scenario,
    ...(await load(backend, seconds, { connections, requests: requests() })),
  };
  scenarioLines(measured).forEach(print);
  return measured;
}

const ms = (value: number) =>
  value >= 10 ? value.toFixed(0) : value.toFixed(1);

function statusCounts(result: autocannon.Result): string {
  return Object.entries(result.statusCodeStats)
    .map(([status, { count }]) => `${count}x${status}`)
    .join(', ');
}

function cpuLine(cpu: CpuUse | undefined, measured: string): string {
  if (!cpu) {
    return 'CPU: not measured (no /proc)';
  }
  const quiet =
    cpu.other > NOT_QUIET_CORES
      ? ` -- NOT QUIET: other processes took ${cpu.other.toFixed(
          2,
        )} cores, the figures above are low`
      : '';
  return `CPU in cores: ${measured} ${cpu.measured.toFixed(
    2,
  )}, PostgreSQL ${cpu.postgres.toFixed(2)}, load tool ${cpu.loadTool.toFixed(
    2,
  )}, other processes ${cpu.other.toFixed(2)}; machine ${(
    cpu.machine * 100
  ).toFixed(0)} % busy of ${cpu.cores} cores${quiet}`;
}

function scenarioLines(scenario: Scenario): string[] {
  const { result } = scenario;
  return [
    `${scenario.title}: ${result.requests.mean.toFixed(1)} req/s mean, ${
      result.requests.total
    } requests in ${result.duration.toFixed(1)} s; latency p50 ${ms(
      result.latency.p50,
    )} ms, p90 ${ms(result.latency.p90)} ms, p99 ${ms(
      result.latency.p99,
    )} ms, max ${ms(result.latency.max)} ms; status ${
      statusCounts(result) || 'none'
    }; ${result.non2xx} non-2xx, ${result.errors} errors, ${
      result.timeouts
    } timeouts`,
    `  ${cpuLine(scenario.cpu, 'backend')}`,
  ];
}

/** Milliseconds of backend CPU per request answered. */
function perRequestCpu(scenario: Scenario): string {
  const rate = scenario.result.requests.total / scenario.result.duration;
  return scenario.cpu && rate > 0
    ? `${((scenario.cpu.measured / rate) * 1000).toFixed(1)} ms`
    : 'not measured';
}

function summaryLine(
  label: string,
  scenario: Scenario,
  targetPerSecond: number,
): string {
  const { result } = scenario;
  const rate = result.requests.mean;
  const met =
    rate >= targetPerSecond &&
    result.latency.p99 <= TARGETS.p99Ms &&
    result.non2xx === 0 &&
    result.errors === 0;
  return `${label}: ${rate.toFixed(
    1,
  )} req/s (target ≥ ${targetPerSecond}), p50 ${ms(
    result.latency.p50,
  )} ms, p99 ${ms(result.latency.p99)} ms (target ≤ ${TARGETS.p99Ms} ms), ${
    result.non2xx
  } non-2xx, ${result.errors} errors -> ${met ? 'MET' : 'NOT MET'}`;
}

function pgbenchLine(result: PgbenchResult | undefined): string {
  if (!result) {
    return 'pgbench single-row insert: not run (the run stopped before it)';
  }
  if (!result.ran) {
    return `pgbench single-row insert: skipped, ${result.reason}`;
  }
  return `pgbench single-row insert: ${result.tps.toFixed(0)} tps, ${
    result.latencyAverageMs
  } ms average latency (${result.clients} clients, ${result.threads} threads, ${
    result.seconds
  } s, ${result.transactions} transactions, ${result.failed} failed)`;
}

async function main() {
  const connections = option('connections', 10);
  const seconds = option('duration', 15);
  const workers = option('workers', 1);
  const postgres = postgresFromEnv();
  const version = await serverVersion(postgres).catch(error => {
    throw new Error(
      `PostgreSQL does not answer at ${postgres.host}:${postgres.port} as ${postgres.user}: ${error}`,
    );
  });
  const runId = `bench_access_${Date.now()}`;
  const databasePrefix = `${runId}_`;
  const workDir = mkdtempSync(join(tmpdir(), 'data-access-bench-'));
  const port = await freePort();
  print(
    `data-access benchmark: PostgreSQL ${version} at ${postgres.host}:${
      postgres.port
    }, databases ${databasePrefix}*, backend on port ${port} (${
      workers === 1 ? 'one process' : `${workers} worker processes`
    }), ${connections} connections, ${seconds} s per scenario (after ${WARMUP_SECONDS} s of warm-up), ${
      process.argv.includes('--no-cache')
        ? 'caches off (dataAccess.cacheTtl 0s)'
        : 'caches on (dataAccess.cacheTtl 10s)'
    }, Node ${process.version}`,
  );

  const scenarios: Scenario[] = [];
  let pgbench: PgbenchResult | undefined;
  const backend = startBackend({ workDir, port, databasePrefix, workers });
  // Interrupted: the backend stops itself (same process group); its databases are dropped.
  process.once('SIGINT', async () => {
    print('interrupted: stopping the backend and dropping its databases');
    await backend.stop();
    await dropDatabasesWithPrefix(postgres, databasePrefix);
    rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
  try {
    try {
      scenarios.push(
        ...(await loadBackend(backend, {
          connections,
          seconds,
          runId,
          postgres,
          databasePrefix,
        })),
      );
    } finally {
      await backend.stop();
    }
    // After the backend stopped, so that PostgreSQL has the machine to itself, as above.
    pgbench = await runPgbench({
      connection: postgres,
      database: `${databasePrefix}pgbench`,
      clients: connections,
      seconds,
      workDir,
    });
    print(pgbenchLine(pgbench));
    if (pgbench.ran) {
      print(`  ${cpuLine(pgbench.cpu, 'pgbench')}`);
    }
  } finally {
    const dropped = await dropDatabasesWithPrefix(postgres, databasePrefix);
    rmSync(workDir, { recursive: true, force: true });
    print(`dropped ${dropped.length} databases: ${dropped.join(', ')}`);
  }

  const logged = backend.logLines;
  if (logged.length) {
    print(
      `the backend logged ${logged.length} lines at warn or above, the first (at most 10):`,
    );
    // Stack traces shortened: the first line says what happened.
    logged
      .slice(0, 10)
      .forEach(({ phase, line }) =>
        print(
          `  [${phase}] ${
            line.length > 400 ? `${line.slice(0, 400)}...` : line
          }`,
        ),
      );
  } else {
    print('the backend logged nothing at warn or above');
  }

  print('');
  print('summary');
  const [createScenario, readScenario, floorScenario] = scenarios;
  print(summaryLine('creates', createScenario, TARGETS.createsPerSecond));
  print(summaryLine('reads', readScenario, TARGETS.readsPerSecond));
  print(pgbenchLine(pgbench));
  const noisy = [
    ...scenarios.map(scenario => ({
      name: scenario.key,
      cpu: scenario.cpu,
    })),
    { name: 'pgbench', cpu: pgbench?.ran ? pgbench.cpu : undefined },
  ].filter(({ cpu }) => cpu && cpu.other > NOT_QUIET_CORES);
  if (noisy.length) {
    print(
      `WARNING: the machine was not quiet during ${noisy
        .map(({ name }) => name)
        .join(', ')}: other processes took CPU, so those figures are low`,
    );
  }
  print(
    `for reference, GET /purposes (token check only): ${floorScenario.result.requests.mean.toFixed(
      1,
    )} req/s, p50 ${ms(floorScenario.result.latency.p50)} ms, p99 ${ms(
      floorScenario.result.latency.p99,
    )} ms; backend CPU per request: create ${perRequestCpu(
      createScenario,
    )}, read ${perRequestCpu(readScenario)}, floor ${perRequestCpu(
      floorScenario,
    )}`,
  );
}

/** The HTTP scenarios against the started backend: creates, then reads. */
async function loadBackend(
  backend: BenchBackend,
  options: {
    connections: number;
    seconds: number;
    runId: string;
    postgres: PostgresConnection;
    databasePrefix: string;
  },
): Promise<Scenario[]> {
  const { connections, seconds, runId } = options;
  const scenarios: Scenario[] = [];
  const started = performance.now();
  const token = await waitFor(
    backend,
    'a guest token',
    () => guestToken(backend.baseUrl),
    180_000,
  );
  const headers = { authorization: `Bearer ${token}` };
  await waitFor(
    backend,
    `${PRODUCT} in the catalog`,
    async () => {
      const res = await fetch(
        `${backend.baseUrl}/api/catalog/entities/by-name/dataproduct/default/entity-ratings`,
        { headers },
      );
      if (!res.ok) {
        throw new Error(`the catalog answered ${res.status}`);
      }
      return true;
    },
    180_000,
  );
  print(
    `backend up and demo mesh ingested in ${(
      (performance.now() - started) /
      1000
    ).toFixed(1)} s`,
  );

  // One create and one read by hand: a broken setup fails here, with the answer shown.
  backend.setPhase('probe');
  const createHeaders = {
    ...headers,
    'content-type': 'application/json',
  };
  const first = await fetch(`${backend.baseUrl}/api/data-access/requests`, {
    method: 'POST',
    headers: { ...createHeaders, 'idempotency-key': `${runId}-probe` },
    body: CREATE_BODY,
  });
  const firstBody = await first.text();
  if (first.status !== 201) {
    throw new Error(
      `POST /api/data-access/requests answered ${first.status}: ${firstBody}`,
    );
  }
  const probeId: string = JSON.parse(firstBody).id;
  const probeRead = await fetch(
    `${backend.baseUrl}/api/data-access/requests/${probeId}`,
    { headers },
  );
  if (probeRead.status !== 200) {
    throw new Error(
      `GET /api/data-access/requests/${probeId} answered ${
        probeRead.status
      }: ${await probeRead.text()}`,
    );
  }

  // Creates: a new Idempotency-Key for every request, or the replay path is measured.
  const ids: string[] = [probeId];
  let sequence = 0;
  const creates = (): autocannon.Request[] => [
    {
      method: 'POST',
      path: '/api/data-access/requests',
      headers: createHeaders,
      body: CREATE_BODY,
      setupRequest: request => ({
        ...request,
        headers: {
          ...createHeaders,
          'idempotency-key': `${runId}-${++sequence}`,
        },
      }),
      onResponse: (status, body) => {
        if (status === 201 && ids.length < 20_000) {
          ids.push(JSON.parse(body).id);
        }
      },
    },
  ];
  scenarios.push(
    await runScenario(
      backend,
      {
        key: 'creates',
        title: `creates (POST /requests, unique Idempotency-Key, ${connections} connections)`,
      },
      { connections, seconds, requests: creates },
    ),
  );

  await waitForNotifications(
    options.postgres,
    `${options.databasePrefix}data-access`,
  );

  // Reads: the guest's own requests, created above, in turn.
  let next = 0;
  const reads = (): autocannon.Request[] => [
    {
      method: 'GET',
      headers,
      setupRequest: request => ({
        ...request,
        path: `/api/data-access/requests/${ids[next++ % ids.length]}`,
      }),
    },
  ];
  scenarios.push(
    await runScenario(
      backend,
      {
        key: 'reads',
        title: `reads (GET /requests/:id over ${ids.length} requests, ${connections} connections)`,
      },
      { connections, seconds, requests: reads },
    ),
  );

  // For reference, the floor of any route of this backend: a user token checked, a small
  // JSON answer; no permission asked, no database.
  scenarios.push(
    await runScenario(
      backend,
      {
        key: 'floor',
        title: `reference, the floor: GET /purposes (user token only, ${connections} connections)`,
      },
      {
        connections,
        seconds,
        requests: () => [
          { method: 'GET', path: '/api/data-access/purposes', headers },
        ],
      },
    ),
  );
  return scenarios;
}

/**
 * Creates return before the owners are notified (a scheduled worker sends the queued
 * notifications): how long after the last create the outbox is empty, so that the work
 * put off is seen, and the reads are measured without it.
 */
async function waitForNotifications(
  postgres: PostgresConnection,
  database: string,
) {
  const started = performance.now();
  const queued = await countRows(
    postgres,
    database,
    'access_request_notifications',
  );
  let left = queued;
  while (left > 0 && performance.now() - started < 120_000) {
    await sleep(250);
    left = await countRows(postgres, database, 'access_request_notifications');
  }
  print(
    `  owners' notifications: ${queued} queued when the creates ended, ${
      left === 0 ? 'all sent' : `${left} still queued`
    } ${((performance.now() - started) / 1000).toFixed(1)} s later`,
  );
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
