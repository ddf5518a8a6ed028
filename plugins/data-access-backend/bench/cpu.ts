/*
 * Where the CPU went during a scenario, from /proc (Linux): the measured process (the
 * backend with any workers it forked, or pgbench), the PostgreSQL server's processes, the
 * load tool (this process), and everything else, so that a machine that was not quiet shows.
 * Elsewhere the figures are absent.
 */
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import { cpus } from 'os';

const ticksPerSecond = (() => {
  const answer = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(answer.stdout?.trim()) || 100;
})();

interface ProcessStat {
  command: string;
  parent: number;
  /** User + system CPU seconds so far. */
  cpuSeconds: number;
}

function readProcesses(): Map<number, ProcessStat> {
  const processes = new Map<number, ProcessStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (command) state ppid ... utime stime: the command may hold spaces.
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      processes.set(Number(entry), {
        command: stat.slice(stat.indexOf('(') + 1, close),
        parent: Number(fields[1]),
        cpuSeconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond,
      });
    } catch {
      // gone in between
    }
  }
  return processes;
}

/** The process and its descendants. */
function treeOf(root: number, processes: Map<number, ProcessStat>): number[] {
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, stat] of processes) {
      if (stat.parent === tree[i]) {
        tree.push(pid);
      }
    }
  }
  return tree.filter(pid => processes.has(pid));
}

/** Busy and total CPU seconds of the machine so far, summed over cores. */
function machineCpuSeconds(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/);
  const ticks = values.slice(0, 8).map(Number);
  const idle = ticks[3] + ticks[4];
  const total = ticks.reduce((sum, n) => sum + n, 0);
  return {
    busy: (total - idle) / ticksPerSecond,
    total: total / ticksPerSecond,
  };
}

export interface CpuUse {
  /** The measured process and its descendants, in cores: 1 = one core busy all along. */
  measured: number;
  postgres: number;
  loadTool: number;
  /** Every other process, and the kernel: what the benchmark did not cause. */
  other: number;
  /** Busy share of the whole machine, 0..1. */
  machine: number;
  cores: number;
}

/** Above this, in cores, other processes took enough to lower the figures. */
export const NOT_QUIET_CORES = 0.25;

interface Sample {
  at: number;
  processes: Map<number, ProcessStat>;
  loadTool: number;
  machine: { busy: number; total: number };
}

function sample(): Sample {
  const self = process.cpuUsage();
  return {
    at: performance.now(),
    processes: readProcesses(),
    loadTool: (self.user + self.system) / 1e6,
    machine: machineCpuSeconds(),
  };
}

/**
 * CPU seconds the processes spent between two samples: a process started in between
 * counts whole, one that ended in between is missed.
 */
function spent(start: Sample, end: Sample, pids: number[]): number {
  return pids.reduce(
    (sum, pid) =>
      sum +
      end.processes.get(pid)!.cpuSeconds -
      (start.processes.get(pid)?.cpuSeconds ?? 0),
    0,
  );
}

/** Starts measuring; the function returned ends it. Undefined where /proc is missing. */
export function measureCpu(
  rootPid: number,
): (() => CpuUse | undefined) | undefined {
  let start: Sample;
  try {
    start = sample();
  } catch {
    return undefined;
  }
  return () => {
    const end = sample();
    const seconds = (end.at - start.at) / 1000;
    if (!end.processes.has(rootPid)) {
      return undefined;
    }
    const measured = treeOf(rootPid, end.processes);
    const postgres = [...end.processes]
      .filter(([, stat]) => stat.command === 'postgres')
      .map(([pid]) => pid);
    const cores = cpus().length;
    const machine =
      (end.machine.busy - start.machine.busy) /
      (end.machine.total - start.machine.total);
    const use = {
      measured: spent(start, end, measured) / seconds,
      postgres: spent(start, end, postgres) / seconds,
      loadTool: (end.loadTool - start.loadTool) / seconds,
    };
    return {
      ...use,
      other: Math.max(
        0,
        machine * cores - use.measured - use.postgres - use.loadTool,
      ),
      machine,
      cores,
    };
  };
}
