/*
 * PostgreSQL's own rate for the benchmark's yardstick: pgbench running a single-row INSERT
 * in a scratch database, with as many clients and for as long as the HTTP scenarios.
 */
import { spawn, spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { measureCpu, type CpuUse } from './cpu';
import { createDatabase, runSql, type PostgresConnection } from './postgres';

export type PgbenchResult =
  | {
      ran: true;
      tps: number;
      latencyAverageMs: number;
      transactions: number;
      failed: number;
      clients: number;
      threads: number;
      seconds: number;
      cpu?: CpuUse;
    }
  | { ran: false; reason: string };

/** pgbench on PATH, or undefined. */
export function findPgbench(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v pgbench'], {
    encoding: 'utf8',
  });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : undefined;
}

export async function runPgbench(options: {
  connection: PostgresConnection;
  /** Created here; the caller drops it. */
  database: string;
  clients: number;
  seconds: number;
  workDir: string;
}): Promise<PgbenchResult> {
  const { connection, database, clients, seconds, workDir } = options;
  const pgbench = findPgbench();
  if (!pgbench) {
    return { ran: false, reason: 'pgbench is not on PATH' };
  }
  await createDatabase(connection, database);
  await runSql(
    connection,
    database,
    'CREATE TABLE bench_rows (id bigserial PRIMARY KEY, v integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now())',
  );
  const script = join(workDir, 'single-row-insert.sql');
  writeFileSync(
    script,
    '\\set v random(1, 1000000)\nINSERT INTO bench_rows (v) VALUES (:v);\n',
  );
  // One thread per core at most: pgbench's threads share the machine with the server.
  const threads = Math.max(1, Math.min(clients, 2));
  const args = [
    '--no-vacuum',
    `--client=${clients}`,
    `--jobs=${threads}`,
    `--time=${seconds}`,
    `--file=${script}`,
    `--host=${connection.host}`,
    `--port=${connection.port}`,
    `--username=${connection.user}`,
    database,
  ];
  const { code, stdout, stderr, cpu } = await new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
    cpu?: CpuUse;
  }>((resolvePromise, reject) => {
    const child = spawn(pgbench, args, {
      env: {
        ...process.env,
        ...(connection.password ? { PGPASSWORD: connection.password } : {}),
      },
    });
    // Measured until just before pgbench ends, while its process is still there to read.
    const endCpu = child.pid ? measureCpu(child.pid) : undefined;
    let cpuUse: CpuUse | undefined;
    const timer = setTimeout(() => {
      cpuUse = endCpu?.();
    }, Math.max(500, seconds * 1000 - 500));
    child.on('exit', () => clearTimeout(timer));
    let out = '';
    let err = '';
    child.stdout.on('data', chunk => {
      out += chunk;
    });
    child.stderr.on('data', chunk => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', exitCode =>
      resolvePromise({ code: exitCode, stdout: out, stderr: err, cpu: cpuUse }),
    );
  });
  if (code !== 0) {
    return {
      ran: false,
      reason: `pgbench exited with ${code}: ${stderr.trim().slice(-500)}`,
    };
  }
  const number = (pattern: RegExp) => {
    const match = stdout.match(pattern);
    return match ? Number(match[1]) : NaN;
  };
  const tps = number(/^tps = ([\d.]+)/m);
  const latencyAverageMs = number(/^latency average = ([\d.]+) ms/m);
  if (!Number.isFinite(tps) || !Number.isFinite(latencyAverageMs)) {
    return {
      ran: false,
      reason: `could not read pgbench's output: ${stdout.trim().slice(-500)}`,
    };
  }
  return {
    ran: true,
    tps,
    latencyAverageMs,
    transactions: number(/^number of transactions actually processed: (\d+)/m),
    failed: number(/^number of failed transactions: (\d+)/m) || 0,
    clients,
    threads,
    seconds,
    cpu,
  };
}
