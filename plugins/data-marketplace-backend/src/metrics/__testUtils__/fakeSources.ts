import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  catalogServiceRef,
  type CatalogService,
} from '@backstage/plugin-catalog-node';
import Router from 'express-promise-router';

/*
 * Stand-ins for the sources the collector reads, speaking the shapes of the real routes:
 * the scaffolder's GET /v2/tasks (SerializedTask, limit/offset, order=desc:created_at) and
 * the data-access plugin's GET /metrics/requests (its openapi.yaml). Each can be taken
 * down, to see that a source that is down loses nothing.
 */

export interface FakeTask {
  id: string;
  templateRef: string;
  createdAt: string;
  parameters: Record<string, unknown>;
  status?: string;
}

export interface FakeRequest {
  id: string;
  dataProduct: string;
  consumer: string;
  state: string;
  createdAt: string;
  decidedAt?: string;
  decision?: string;
  provisioningAt?: string;
  grantedAt?: string;
}

export interface FakeSources {
  tasks: FakeTask[];
  requests: FakeRequest[];
  down: { scaffolder: boolean; dataAccess: boolean };
  /** The calls the stand-ins answered, by plugin. */
  calls: Array<{ pluginId: string; path: string }>;
}

export function createFakeSources(): FakeSources {
  return {
    tasks: [],
    requests: [],
    down: { scaffolder: false, dataAccess: false },
    calls: [],
  };
}

function serializedTask(task: FakeTask) {
  // The shape of the scaffolder's serializeTask(): spec is the TaskSpecV1beta3.
  return {
    id: task.id,
    spec: {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      steps: [],
      output: {},
      parameters: task.parameters,
      templateInfo: {
        entityRef: task.templateRef,
        baseUrl: 'file:///templates/',
      },
      user: { ref: 'user:default/marie.dubois' },
    },
    status: task.status ?? 'completed',
    createdAt: task.createdAt,
    lastHeartbeatAt: task.createdAt,
    createdBy: 'user:default/marie.dubois',
  };
}

export function fakeScaffolderPlugin(sources: FakeSources) {
  return createBackendPlugin({
    pluginId: 'scaffolder',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          router.get('/v2/tasks', async (req, res) => {
            await httpAuth.credentials(req);
            sources.calls.push({ pluginId: 'scaffolder', path: req.url });
            if (sources.down.scaffolder) {
              throw new ServiceUnavailableError('scaffolder is down');
            }
            const limit = Number(req.query.limit ?? 1000);
            const offset = Number(req.query.offset ?? 0);
            const ordered = [...sources.tasks].sort((a, b) =>
              req.query.order === 'desc:created_at'
                ? b.createdAt.localeCompare(a.createdAt)
                : a.createdAt.localeCompare(b.createdAt),
            );
            res.json({
              tasks: ordered.slice(offset, offset + limit).map(serializedTask),
              totalTasks: ordered.length,
            });
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

export function fakeDataAccessPlugin(sources: FakeSources) {
  return createBackendPlugin({
    pluginId: 'data-access',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          router.get('/metrics/requests', async (req, res) => {
            await httpAuth.credentials(req, { allow: ['service'] });
            sources.calls.push({ pluginId: 'data-access', path: req.url });
            if (sources.down.dataAccess) {
              throw new ServiceUnavailableError('data-access is down');
            }
            const limit = Number(req.query.limit ?? 200);
            const start = Number(req.query.cursor ?? 0);
            const page = sources.requests.slice(start, start + limit);
            res.json({
              items: page,
              ...(start + limit < sources.requests.length && {
                nextCursor: String(start + limit),
              }),
            });
          });
          // What the data-mesh catalog module asks for each product.
          router.get(
            '/products/:kind/:namespace/:name/grants',
            async (_req, res) => {
              res.json({ items: [] });
            },
          );
          httpRouter.use(router);
        },
      });
    },
  });
}

/** A catalog whose DataProducts the test changes between collections; `down` makes it fail. */
export interface FakeCatalog {
  entities: Entity[];
  down: boolean;
}

export function fakeCatalogFactory(catalog: FakeCatalog) {
  const service: Partial<CatalogService> = {
    async *streamEntities() {
      if (catalog.down) {
        throw new Error('catalog is down');
      }
      yield catalog.entities.filter(e => e.kind === 'DataProduct');
    },
  };
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => service as CatalogService,
  });
}

/** A DataProduct entity as the catalog serves it, the data-mesh module's annotation included. */
export function dataProduct(
  name: string,
  spec: { domain: string; version?: string },
  listedAt?: string,
): Entity {
  return {
    apiVersion: 'datamesh/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name,
      namespace: 'default',
      annotations: listedAt ? { 'datamesh/listed-at': listedAt } : {},
    },
    spec: {
      owner: 'group:default/brokerage-data-team',
      lifecycle: 'production',
      ...spec,
    },
  };
}
