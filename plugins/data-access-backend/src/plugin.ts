import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  dataAccessDeliveryExtensionPoint,
  type DeliveryAdapter,
} from '@datamesh/plugin-data-access-node';
import { DatabaseAccessRequestStore } from './database';
import {
  chooseDeliveryAdapter,
  createBuiltInDeliveryAdapters,
  DeliveryWorker,
} from './delivery';
import { cachePermissionDecisions } from './permissions/cachedPermissions';
import {
  cacheTtlMs,
  registerAccessRequestPermissions,
} from './permissions/registerAccessRequestPermissions';
import { AccessRequestNotifier } from './service/AccessRequestNotifier';
import { AccessRequestService } from './service/AccessRequestService';
import { createDataProductDirectory } from './service/dataProductDirectory';
import { NotificationWorker } from './service/NotificationWorker';
import { createConsumersRefresher } from './service/refreshConsumersInCatalog';
import { readPurposeCategories } from './service/purposes';
import { RequestMetricsReader } from './service/requestMetrics';
import { createRouter } from './service/router';

/**
 * Access requests to data products: who, what, why; the product's owners decide; delivery is
 * handed to another system through the adapters modules add, and tracked.
 */
export const dataAccessPlugin = createBackendPlugin({
  pluginId: 'data-access',
  register(env) {
    const adapters: DeliveryAdapter[] = [];
    env.registerExtensionPoint(dataAccessDeliveryExtensionPoint, {
      addDeliveryAdapter(...added) {
        adapters.push(...added);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { config, logger, userInfo } = deps;
        const store = await DatabaseAccessRequestStore.create({
          database: deps.database,
        });

        const refreshConsumers = createConsumersRefresher({
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
        });
        const purposeCategories = readPurposeCategories(config);
        const cacheTtl = cacheTtlMs(config);
        const service = new AccessRequestService({
          store,
          catalog: deps.catalog,
          products: createDataProductDirectory({
            catalog: deps.catalog,
            auth: deps.auth,
            permissions: cachePermissionDecisions(deps.permissions, {
              ttlMs: cacheTtl,
            }),
            ttlMs: cacheTtl,
          }),
          authorizer: registerAccessRequestPermissions({
            config,
            permissions: deps.permissions,
            permissionsRegistry: deps.permissionsRegistry,
            userInfo,
            store,
          }),
          userInfo,
          purposeCategories,
          onGrantsChanged: refreshConsumers,
          chooseDeliveryAdapter: product =>
            chooseDeliveryAdapter(config, {
              dataProduct: product.metadata.name,
              domain: product.spec.domain,
            }),
          logger,
        });

        await DeliveryWorker.start({
          store,
          // Modules have added theirs by now: extension points are filled before init.
          adapters: [...createBuiltInDeliveryAdapters(config), ...adapters],
          logger,
          config,
          scheduler: deps.scheduler,
          onStateChanged: refreshConsumers,
        });

        // Sends what create, decide, revoke and delivery queued, off the request path.
        await NotificationWorker.start({
          store,
          notifier: new AccessRequestNotifier(deps.notifications),
          logger,
          scheduler: deps.scheduler,
        });

        deps.httpRouter.use(
          await createRouter({
            service,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            purposeCategories,
            requestMetrics: await RequestMetricsReader.create(deps.database),
          }),
        );
      },
    });
  },
});
