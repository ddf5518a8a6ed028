import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Permission } from '@backstage/plugin-permission-common';
import { createExpiringPromiseCache } from '../cache/expiringPromiseCache';

type AskedPermissions = Pick<
  PermissionsService,
  'authorize' | 'authorizeConditional'
>;

/** Beyond this many users' decisions, the oldest are forgotten first. */
const MAX_CACHED_DECISIONS = 10_000;

/**
 * Remembers a user's permission decisions for a few seconds. Every read of an access
 * request asks the permission backend the same question (may this user read requests, and
 * on which conditions?), which costs two loopback HTTP calls (the policy, and the user's
 * ownership from the auth backend) — more than the read itself. The answer depends only on
 * the user and the permission: the conditions are applied here to each request. A user's
 * ownership claims already live in their token for up to an hour, so a few seconds of cache
 * makes nobody's access staler than Backstage's tokens do. Only questions without a resource
 * and asked for signed-in users are cached; services and resource-specific questions go
 * through every time.
 */
export function cachePermissionDecisions(
  permissions: AskedPermissions,
  options: { ttlMs: number; now?: () => number },
): AskedPermissions {
  const { ttlMs, now = Date.now } = options;
  if (ttlMs <= 0) {
    return permissions;
  }
  // Keyed by user, permission and call: both calls answer in the same shape.
  const decisions = createExpiringPromiseCache<any>({
    ttlMs,
    maxEntries: MAX_CACHED_DECISIONS,
    now,
  });

  const cacheable = (
    requests: Array<{ permission: Permission; resourceRef?: string }>,
    credentials: BackstageCredentials,
  ): string | undefined => {
    const principal = credentials.principal as {
      type?: string;
      userEntityRef?: string;
    };
    if (
      principal.type !== 'user' ||
      !principal.userEntityRef ||
      requests.length !== 1 ||
      requests[0].resourceRef !== undefined
    ) {
      return undefined;
    }
    return `${principal.userEntityRef}\u0000${requests[0].permission.name}`;
  };

  return {
    authorize(requests, options_) {
      const key = cacheable(requests, options_.credentials);
      return key
        ? decisions.get(`authorize\u0000${key}`, () =>
            permissions.authorize(requests, options_),
          )
        : permissions.authorize(requests, options_);
    },
    authorizeConditional(requests, options_) {
      const key = cacheable(requests, options_.credentials);
      return key
        ? decisions.get(`conditional\u0000${key}`, () =>
            permissions.authorizeConditional(requests, options_),
          )
        : permissions.authorizeConditional(requests, options_);
    },
  };
}
