import type {
  PermissionsRegistryService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig, type Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  dataAccessPermissions,
  dataAccessRequestCreatePermission,
} from '@datamesh/plugin-data-access-common';
import type { AccessRequestStore } from '../database/AccessRequestStore';
import { AccessRequestAuthorizer } from './AccessRequestAuthorizer';
import { cachePermissionDecisions } from './cachedPermissions';
import { createBuiltInPermissions } from './builtInPermissions';
import {
  createDataAccessPolicyPart,
  governanceRefsFromConfig,
} from './policyPart';
import { accessRequestPermissionResourceRef } from './resourceRef';
import { dataAccessPermissionRules } from './rules';

/**
 * Tells the permission framework about access requests (the permissions, the resource type,
 * its rules, how to load a request by id) and returns what the service asks it through.
 */
export function registerAccessRequestPermissions(options: {
  config: Config;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  userInfo: UserInfoService;
  store: Pick<AccessRequestStore, 'get'>;
}): AccessRequestAuthorizer {
  const { config, permissionsRegistry, userInfo, store } = options;
  permissionsRegistry.addPermissions([dataAccessRequestCreatePermission]);
  permissionsRegistry.addResourceType({
    resourceRef: accessRequestPermissionResourceRef,
    permissions: dataAccessPermissions.filter(p => p.type === 'resource'),
    rules: Object.values(dataAccessPermissionRules),
    getResources: ids => Promise.all(ids.map(id => store.get(id))),
  });

  // Without the permission framework Backstage allows everything; the suite keeps to its
  // own rules instead, so that only owners or governance ever decide.
  const permissions = config.getOptionalBoolean('permission.enabled')
    ? options.permissions
    : createBuiltInPermissions({
        policyPart: createDataAccessPolicyPart({
          governanceRefs: governanceRefsFromConfig(config),
          userInfo,
        }),
        userInfo,
      });

  return new AccessRequestAuthorizer(
    cachePermissionDecisions(permissions, {
      ttlMs: cacheTtlMs(config),
    }),
    permissionsRegistry.getPermissionRuleset(
      accessRequestPermissionResourceRef,
    ),
  );
}

const DEFAULT_CACHE_TTL_MS = 10_000;

/**
 * How long the plugin reuses what it asked the permission policy (a user's decisions) and
 * the catalog (a data product): `dataAccess.cacheTtl`.
 */
export function cacheTtlMs(config: Config): number {
  const key = 'dataAccess.cacheTtl';
  return config.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : DEFAULT_CACHE_TTL_MS;
}
