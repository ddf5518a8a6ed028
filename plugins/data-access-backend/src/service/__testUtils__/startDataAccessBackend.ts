import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  type AuditorServiceCreateEventOptions,
  type BackstageCredentials,
  type HttpAuthService,
} from '@backstage/backend-plugin-api';
import type { Request } from 'express';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import catalogModuleDataMesh from '@datamesh/plugin-catalog-backend-module-data-mesh';
import {
  dataAccessDeliveryExtensionPoint,
  type DeliveryAdapter,
  type DeliveryOutcome,
} from '@datamesh/plugin-data-access-node';
import type { Knex } from 'knex';
import { resolve } from 'path';
import request from 'supertest';
import {
  createDataAccessPolicyPart,
  governanceRefsFromConfig,
} from '../../permissions/policyPart';
import { dataAccessPlugin } from '../../plugin';
import { NOTIFICATION_TASK_ID } from '../NotificationWorker';

/** Group memberships as mesh.yaml declares them; a real sign-in puts these in the token. */
export const memberships: Record<string, string[]> = {
  'user:default/marie.dubois': ['group:default/brokerage-data-team'],
  'user:default/tom.nguyen': ['group:default/brokerage-data-team'],
  'user:default/kwame.mensah': ['group:default/capital-markets-data-team'],
  'user:default/elena.petrova': ['group:default/data-office'],
  'user:default/sofia.rossi': [],
};

export const purposeCategories = [
  {
    id: 'analytics',
    title: 'Analytics',
    description: 'Dashboards and reports',
  },
  { id: 'regulatory-reporting', title: 'Regulatory reporting' },
];

const MOCK_SERVICE_TOKEN_PREFIX = 'mock-service-token:';

/**
 * The mock httpAuth, with two changes that make the real permission backend usable:
 * a request without a token is unauthenticated (not the default mock user), and a plugin's
 * on-behalf-of token stands for the user *with the plugin as actor*, as the real auth
 * service issues it. The stock mock drops the actor, and the permission backend then
 * refuses conditional questions as if a browser had asked them directly.
 */
const httpAuthFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const stock = mockServices.httpAuth({
      pluginId: plugin.getId(),
      defaultCredentials: mockCredentials.none(),
    });
    // Generic in the principals a route allows; this stand-in checks `allow` itself.
    const credentials = async (
      req: Request,
      options?: { allow?: string[] },
    ): Promise<BackstageCredentials> => {
      const token = req.headers.authorization?.match(/^Bearer (\S+)$/)?.[1];
      if (token?.startsWith(MOCK_SERVICE_TOKEN_PREFIX)) {
        const { obo, target } = JSON.parse(
          token.slice(MOCK_SERVICE_TOKEN_PREFIX.length),
        );
        if (obo && target === plugin.getId()) {
          if (options?.allow && !options.allow.includes('user')) {
            throw new NotAllowedError('user credentials are not allowed');
          }
          return mockCredentials.user(obo, {
            actor: { subject: 'plugin:test-caller' },
          });
        }
      }
      return stock.credentials(
        req,
        options as Parameters<HttpAuthService['credentials']>[1],
      );
    };
    return {
      credentials: credentials as HttpAuthService['credentials'],
      issueUserCookie: stock.issueUserCookie.bind(stock),
    };
  },
});

const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const { userEntityRef } = credentials.principal as {
        userEntityRef: string;
      };
      return {
        userEntityRef,
        ownershipEntityRefs: [
          userEntityRef,
          ...(memberships[userEntityRef] ?? []),
        ],
      };
    },
  }),
});

/** The data-access policy part in the permission backend; everything else allowed. */
const policyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'data-access-test-policy',
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

/** The id config gives the test adapter: every product is delivered through it. */
export const TEST_DELIVERY_ADAPTER = 'test-delivery';

/**
 * A delivery system the test controls: it answers `outcome` (done by default), and the
 * test runs the delivery worker when it wants to, through the plugin's scheduler.
 */
function createTestDelivery() {
  const delivery: {
    outcome: DeliveryOutcome;
    adapter: DeliveryAdapter & { deliver: jest.Mock };
    runWorker(): Promise<void>;
  } = {
    outcome: { status: 'done', reference: 'TICKET-1' } as DeliveryOutcome,
    adapter: {
      id: TEST_DELIVERY_ADAPTER,
      deliver: jest.fn(async (): Promise<DeliveryOutcome> => delivery.outcome),
    },
    runWorker: async (): Promise<void> => {
      throw new Error('the backend has not started');
    },
  };
  const module = createBackendModule({
    pluginId: 'data-access',
    moduleId: 'test-delivery',
    register(reg) {
      reg.registerInit({
        deps: {
          extension: dataAccessDeliveryExtensionPoint,
          scheduler: coreServices.scheduler,
        },
        async init({ extension, scheduler }) {
          extension.addDeliveryAdapter(delivery.adapter);
          delivery.runWorker = () =>
            scheduler.triggerTask('data-access-delivery');
        },
      });
    },
  });
  return { delivery, module };
}

/**
 * The notifications backend as the plugin sees it: `send` records what it is asked, and the
 * test runs the notification worker, which sends what requests queued, when it wants to.
 */
function createTestNotifications() {
  const notifications = {
    send: jest.fn(async (_: NotificationSendOptions) => {}),
    runWorker: async (): Promise<void> => {
      throw new Error('the backend has not started');
    },
  };
  const module = createBackendModule({
    pluginId: 'data-access',
    moduleId: 'test-notifications',
    register(reg) {
      reg.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init({ scheduler }) {
          notifications.runWorker = () =>
            scheduler.triggerTask(NOTIFICATION_TASK_ID);
        },
      });
    },
  });
  return { notifications, module };
}

export interface AuditRecord {
  options: AuditorServiceCreateEventOptions;
  outcome?: 'success' | 'fail';
  error?: Error;
}

export type PermissionsSetup =
  /** The permission backend with the policy part (the normal, production-like case). */
  | 'policy-part'
  /** permission.enabled unset: the plugin keeps to its built-in rules. */
  | 'framework-disabled'
  /** A portal whose policy allows everything. */
  | 'allow-all';

export async function startDataAccessBackend(options: {
  /** The data-access plugin's database. */
  knex: Knex;
  /** The catalog's database (kept apart: both plugins run migrations). */
  catalogKnex: Knex;
  permissions?: PermissionsSetup;
}) {
  const setup = options.permissions ?? 'policy-part';
  const { notifications, module: notificationsModule } =
    createTestNotifications();
  const audits: AuditRecord[] = [];
  const { delivery, module: deliveryModule } = createTestDelivery();

  const backend = await startTestBackend({
    features: [
      dataAccessPlugin,
      deliveryModule,
      notificationsModule,
      catalogPlugin,
      catalogModuleDataMesh,
      ...(setup === 'policy-part' ? [permissionPlugin, policyModule] : []),
      ...(setup === 'allow-all'
        ? [mockServices.permissions.factory({ result: AuthorizeResult.ALLOW })]
        : []),
      httpAuthFactory,
      userInfoFactory,
      createServiceFactory({
        service: coreServices.database,
        deps: { plugin: coreServices.pluginMetadata },
        factory: ({ plugin }) =>
          mockServices.database({
            knex:
              plugin.getId() === 'data-access'
                ? options.knex
                : options.catalogKnex,
          }),
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => notifications,
      }),
      mockServices.auditor.mock({
        async createEvent(auditOptions) {
          const record: AuditRecord = { options: auditOptions };
          audits.push(record);
          return {
            async success() {
              record.outcome = 'success';
            },
            async fail({ error }) {
              record.outcome = 'fail';
              record.error = error;
            },
          };
        },
      }).factory,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: setup !== 'framework-disabled' },
          catalog: {
            rules: [
              {
                allow: [
                  'User',
                  'Group',
                  'Component',
                  'Location',
                  'DataProduct',
                ],
              },
            ],
            locations: [
              {
                type: 'file',
                target: resolve(__dirname, 'mesh.yaml'),
              },
            ],
          },
          dataAccess: {
            governance: ['group:default/data-office'],
            purposeCategories,
            delivery: { default: TEST_DELIVERY_ADAPTER },
          },
        },
      }),
    ],
  });

  await waitForCatalog(backend.server, [
    'dataproduct/default/tenancy-analytics',
    'dataproduct/default/rental-income-forecast',
    'component/default/credit-risk-dashboard-app',
    'component/default/leasing-portal',
    'user/default/sofia.rossi',
  ]);

  return {
    server: backend.server,
    notifications,
    audits,
    delivery,
    stop: () => backend.stop(),
  };
}

/** Entities become readable some time after the catalog starts: wait for each of them. */
async function waitForCatalog(
  server: Parameters<typeof request>[0],
  paths: string[],
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (const path of paths) {
    for (;;) {
      const res = await request(server)
        .get(`/api/catalog/entities/by-name/${path}`)
        .set('Authorization', mockCredentials.user.header());
      if (res.status === 200) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`${path} did not appear in the catalog`);
      }
      await new Promise(r => setTimeout(r, 200));
    }
  }
}
