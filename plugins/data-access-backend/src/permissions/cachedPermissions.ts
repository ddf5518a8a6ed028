import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Permission } from '@backstage/plugin-permission-common';

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
  const cache = new Map<
    string,
    { expiresAt: number; decision: Promise<any> }
  >();

  const remembered = <T>(key: string, ask: () => Promise<T>): Promise<T> => {
    const hit = cache.get(key);
    if (hit && hit.expiresAt > now()) {
      return hit.decision;
    }
    // The promise itself is cached, so concurrent first questions are asked once.
    const decision = ask();
    cache.delete(key);
    cache.set(key, { expiresAt: now() + ttlMs, decision });
    if (cache.size > MAX_CACHED_DECISIONS) {
      cache.delete(cache.keys().next().value!);
    }
    decision.catch(() => {
      if (cache.get(key)?.decision === decision) {
        cache.delete(key);
      }
    });
    return decision;
  };

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
        ? remembered(`authorize\u0000${key}`, () =>
            permissions.authorize(requests, options_),
          )
        : permissions.authorize(requests, options_);
    },
    authorizeConditional(requests, options_) {
      const key = cacheable(requests, options_.credentials);
      return key
        ? remembered(`conditional\u0000${key}`, () =>
            permissions.authorizeConditional(requests, options_),
          )
        : permissions.authorizeConditional(requests, options_);
    },
  };
}
