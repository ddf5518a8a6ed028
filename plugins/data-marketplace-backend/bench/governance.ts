/* eslint-disable no-console */
/*
 * Policy evaluation of 10,000 data products: time and memory.
 *
 *   node --expose-gc -r @backstage/cli/config/nodeTransform.cjs bench/governance.ts [--products 10000]
 *
 * 1. The engine alone: build the context from the whole mesh and evaluate every product
 *    with the mesh-wide policies (and the rules a quarter of the domains add), as one run
 *    of the evaluator does. Repeated on fresh copies of the entities, as each run reads
 *    them anew from the catalog.
 * 2. The evaluator's whole run on an in-memory SQLite store, with an in-memory catalog:
 *    the first run (every result written), a run with nothing changed (the steady state,
 *    every minute by default), and a run after 1% of the products changed.
 */
import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  createGovernanceContext,
  evaluateGovernance,
  parsePolicies,
} from '@datamesh/plugin-data-mesh-common';
import { knex as createKnex } from 'knex';
import { DatabaseGovernanceStore } from '../src/database';
import { GovernanceEvaluator, MeshPolicies } from '../src/governance';
import { toGovernanceRecord } from '../src/governance/toGovernanceRecord';
import { memoryCatalog } from './memoryCatalog';
import { BENCH_POLICIES, generateMesh } from './meshGenerator';

const MB = 1024 * 1024;
const gc = (global as { gc?: () => void }).gc;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

/** Peak heap while `work` runs: sampled on a timer and wherever the work calls sample(). */
async function measure<T>(
  work: (sample: () => void) => Promise<T> | T,
): Promise<{ result: T; ms: number; peakHeapMb: number; retainedMb: number }> {
  gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 2);
  const started = performance.now();
  const result = await work(sample);
  const ms = performance.now() - started;
  clearInterval(timer);
  sample();
  gc?.();
  const retained = process.memoryUsage().heapUsed - base;
  return {
    result,
    ms,
    peakHeapMb: (peak - base) / MB,
    retainedMb: retained / MB,
  };
}

const silentLogger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silentLogger;
  },
};

function row(
  label: string,
  m: { ms: number; peakHeapMb: number; retainedMb: number },
  extra: string,
  showRetained = true,
) {
  const mb = (n: number) => `${n.toFixed(0).padStart(4)} MB`;
  console.log(
    `${label.padEnd(40)} ${m.ms.toFixed(0).padStart(6)} ms  peak heap +${mb(
      m.peakHeapMb,
    )}${
      showRetained
        ? `  kept after the run ${mb(Math.max(0, m.retainedMb))}`
        : ''
    }  ${extra}`,
  );
}

async function main() {
  const products = argument('products', 10_000);
  const rounds = argument('rounds', 3);
  const size = { products, domains: 20, teamsPerDomain: 10 };
  const mesh = generateMesh(size);
  const policies = parsePolicies(BENCH_POLICIES);
  const count = (kind: string) => mesh.filter(e => e.kind === kind).length;
  console.log(
    `Mesh: ${count('DataProduct')} products, ${count(
      'API',
    )} contract APIs, ${count('Group')} groups, ${count('Domain')} domains (${
      size.domains / 4
    } with their own rules); ${policies.length} mesh-wide rules`,
  );
  console.log(
    `Node ${process.version}, gc ${
      gc ? 'exposed' : 'not exposed (run with --expose-gc)'
    }\n`,
  );

  gc?.();
  const beforeCopy = process.memoryUsage().heapUsed;
  const held: Entity[][] = [structuredClone(mesh)];
  gc?.();
  console.log(
    `The mesh as read from the catalog (${
      held[0].length
    } entities, every field) holds ${(
      (process.memoryUsage().heapUsed - beforeCopy) /
      MB
    ).toFixed(0)} MB of heap\n`,
  );
  held.length = 0;

  console.log(
    '1. The engine: context + evaluation + result hash of every product (peak = working memory above the mesh)',
  );
  for (let round = 1; round <= rounds; round++) {
    const entities = structuredClone(mesh);
    const m = await measure(sample => {
      const context = createGovernanceContext(entities);
      sample();
      const statuses = { passing: 0, warning: 0, failing: 0 };
      let results = 0;
      let i = 0;
      for (const entity of entities) {
        if (entity.kind !== 'DataProduct') {
          continue;
        }
        const result = evaluateGovernance({ entity, policies, context });
        toGovernanceRecord(entity, result); // the hash each run computes
        statuses[result.status]++;
        results += result.results.length;
        if (++i % 50 === 0) {
          sample();
        }
      }
      return { statuses, results };
    });
    const perProduct = (m.ms * 1000) / products;
    row(
      `   round ${round}`,
      m,
      `${perProduct.toFixed(0)} µs/product, ${
        m.result.results
      } rule results, ${JSON.stringify(m.result.statuses)}`,
      false,
    );
  }

  console.log(
    '\n2. The evaluator: catalog read (in memory, copied as JSON would be), evaluation, store (SQLite in memory)',
  );
  const db = createKnex({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const database = { getClient: async () => db } as unknown as DatabaseService;
  const store = await DatabaseGovernanceStore.create({ database });
  let current = mesh;
  const { catalog, refreshes } = memoryCatalog(() => current);
  const evaluator = new GovernanceEvaluator({
    catalog,
    auth: { getOwnServiceCredentials: async () => ({}) } as any,
    store,
    policies: MeshPolicies.fromConfig(
      new ConfigReader({
        datamesh: { governance: { policies: BENCH_POLICIES } },
      }),
      silentLogger as any,
    ),
    logger: silentLogger as any,
  });
  const run = async (label: string) => {
    const before = refreshes();
    const m = await measure(() => evaluator.run());
    row(
      `   ${label}`,
      m,
      `evaluated ${m.result.evaluated}, written ${m.result.written}, removed ${
        m.result.removed
      }, refresh asked ${refreshes() - before}`,
    );
  };
  await run('first run (every result written)');
  await run('nothing changed');
  await run('nothing changed, again');
  // 1% of the products (every hundredth) lose their support channel.
  let seen = 0;
  current = mesh.map(e =>
    e.kind === 'DataProduct' && seen++ % 100 === 0
      ? { ...e, spec: { ...e.spec, support: undefined } }
      : e,
  );
  await run('1% of the products changed');
  await db.destroy();

  const usage = process.resourceUsage();
  console.log(
    `\nProcess peak RSS ${(usage.maxRSS / 1024).toFixed(0)} MB; heap now ${(
      process.memoryUsage().heapUsed / MB
    ).toFixed(0)} MB`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
