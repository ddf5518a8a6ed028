/*
 * The backend the access-request benchmark loads, in its own process so that the load tool
 * does not share its event loop:
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/startBenchBackend.ts \
 *     <work dir> <port> <database prefix> [<workers>]
 * A real backend from createBackend(): auth with the guest provider, the catalog with the
 * data mesh module reading the demo mesh, the permission backend running the suite's policy
 * part, notifications (with events and signals, as packages/backend has them), and the
 * data-access plugin; each plugin in its own PostgreSQL database, <prefix><pluginId>.
 * With several workers, as many such backends share the port and the databases.
 * run.ts starts it and stops it with SIGTERM (and SIGKILL, when the HTTP server waits for a
 * request that never ends: outside NODE_ENV=development Backstage lets open requests finish,
 * and the events bus keeps a long poll open).
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { dataAccessDeliveryExtensionPoint } from '@datamesh/plugin-data-access-node';
import cluster, { type Worker } from 'cluster';
import { writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { createDataAccessPolicyPart, governanceRefsFromConfig } from '../src';
import { postgresFromEnv } from './postgres';

/** The id config gives the delivery adapter below. */
const BENCH_DELIVERY_ADAPTER = 'bench-noop';

/** The demo mesh of the repository, by absolute path. */
const DEMO_MESH = resolve(__dirname, '../../../catalog-info/all.yaml');

/**
 * The suite's policy part in the permission backend, everything else allowed: what
 * packages/backend's policy does for the data-access permissions.
 */
const policyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'data-access-bench-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
        config: coreServices.rootConfig,
      },
      async init({ policy, userInfo, config }) {
        const part = createDataAccessPolicyPart({
          governanceRefs: governanceRefsFromConfig(config),
          userInfo,
        });
        policy.setPolicy({
          async handle(query, user): Promise<PolicyDecision> {
            return (
              (await part(query, user)) ?? { result: AuthorizeResult.ALLOW }
            );
          },
        });
      },
    });
  },
});

/**
 * Delivery is not what is measured (nothing is approved during the run), but every product
 * must have an adapter that exists: this one answers done at once.
 */
const deliveryModule = createBackendModule({
  pluginId: 'data-access',
  moduleId: 'bench-delivery',
  register(reg) {
    reg.registerInit({
      deps: { delivery: dataAccessDeliveryExtensionPoint },
      async init({ delivery }) {
        delivery.addDeliveryAdapter({
          id: BENCH_DELIVERY_ADAPTER,
          async deliver(request, action) {
            return {
              status: 'done',
              reference: `bench-${action}-${request.id}`,
            };
          },
        });
      },
    });
  },
});

/** Writes the backend's config into the work folder (run.ts removes it); returns its path. */
function writeConfig(
  workDir: string,
  port: number,
  databasePrefix: string,
): string {
  const baseUrl = `http://127.0.0.1:${port}`;
  const configFile = join(workDir, 'app-config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: { host: '127.0.0.1', port },
        database: {
          client: 'pg',
          connection: postgresFromEnv(),
          prefix: databasePrefix,
        },
      },
      auth: {
        environment: 'development',
        // The guest provider refuses to sign in unless NODE_ENV is development (what
        // `yarn start` sets); this backend runs as a plain node process.
        providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
      },
      catalog: {
        rules: [
          {
            allow: [
              'Component',
              'System',
              'API',
              'Resource',
              'Location',
              'Domain',
              'Group',
              'User',
              'DataProduct',
            ],
          },
        ],
        locations: [{ type: 'file', target: DEMO_MESH }],
      },
      permission: { enabled: true },
      dataAccess: {
        governance: ['group:default/data-office'],
        delivery: { default: BENCH_DELIVERY_ADAPTER },
        // run.ts --no-cache: every request asks the policy and the catalog.
        ...(process.env.BENCH_CACHE_TTL
          ? { cacheTtl: process.env.BENCH_CACHE_TTL }
          : {}),
      },
    }),
  );
  return configFile;
}

/** One backend: what a replica of packages/backend runs, for the benchmark. */
async function startBackend(
  workDir: string,
  port: number,
  databasePrefix: string,
) {
  process.argv.push('--config', writeConfig(workDir, port, databasePrefix));

  const backend = createBackend();
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('@datamesh/plugin-catalog-backend-module-data-mesh'));
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(policyModule);
  // Notifications as the demo portal sends them: through signals on the events bus.
  backend.add(import('@backstage/plugin-events-backend'));
  backend.add(import('@backstage/plugin-signals-backend'));
  backend.add(import('@backstage/plugin-notifications-backend'));
  backend.add(import('../src'));
  backend.add(deliveryModule);

  // The backend stops itself on SIGTERM and SIGINT, then exits.
  await backend.start();
}

const STARTED = 'BENCH_BACKEND_STARTED';

/** Forks one worker and waits until its backend has started. */
async function forkWorker(
  index: number,
  isStopping: () => boolean,
): Promise<Worker> {
  const worker = cluster.fork();
  worker.once('exit', code => {
    if (!isStopping()) {
      process.stderr.write(`worker ${index} exited with ${code}\n`);
      process.exit(1);
    }
  });
  await new Promise<void>(resolveStarted =>
    worker.on('message', message => {
      if (message === STARTED) {
        resolveStarted();
      }
    }),
  );
  return worker;
}

/**
 * Several workers on one port (node:cluster shares the listening socket), each a whole
 * backend on the same databases: replicas, as the README says a portal may run them. They
 * start one after the other, so that only the first creates databases and runs migrations.
 */
async function startWorkers(count: number) {
  const workers: Worker[] = [];
  let stopping = false;
  const stop = async () => {
    stopping = true;
    await Promise.all(
      workers.map(
        worker =>
          new Promise<void>(resolveExit => {
            if (worker.isDead()) {
              resolveExit();
              return;
            }
            worker.once('exit', () => resolveExit());
            worker.process.kill('SIGTERM');
          }),
      ),
    );
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  const isStopping = () => stopping;
  for (let i = 1; i <= count; i++) {
    workers.push(await forkWorker(i, isStopping));
  }
}

async function main() {
  const [workDir, portArg, databasePrefix, workersArg = '1'] =
    process.argv.slice(2);
  const workers = Number(workersArg);
  if (!workDir || !Number(portArg) || !databasePrefix || !(workers >= 1)) {
    throw new Error(
      'usage: startBenchBackend.ts <work dir> <port> <database prefix> [<workers>]',
    );
  }
  if (workers > 1 && cluster.isPrimary) {
    await startWorkers(workers);
  } else {
    await startBackend(workDir, Number(portArg), databasePrefix);
  }
  if (cluster.isWorker) {
    process.send!(STARTED);
  } else {
    process.stdout.write(`${STARTED}\n`);
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
