import type {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/** How long a user's decision is reused; see WholeCatalogReadGate for why this is safe. */
export const DECISION_TTL_MS = 10_000;
/** Users whose decision is kept at once; the oldest is dropped beyond. */
export const MAX_CACHED_USERS = 10_000;

export const WHOLE_CATALOG_READ_REQUIRED =
  'The marketplace index answers only users whom the permission policy lets read every ' +
  'catalog entity (catalog.entity.read without conditions); the catalog’s own API ' +
  'applies the policy to each entity, so read the data products there.';

type CallerCredentials = BackstageCredentials<
  BackstageUserPrincipal | BackstageServicePrincipal
>;

interface CachedDecision {
  allowed: Promise<boolean>;
  expiresAt: number;
}

/**
 * Lets a caller read the marketplace index only where the permission policy lets it read
 * every catalog entity: the index holds every DataProduct (read with the plugin's own
 * credentials), so it cannot apply a policy that hides some of them. Only an unconditional
 * ALLOW of catalog.entity.read passes; a CONDITIONAL decision (rules such as isEntityOwner)
 * or a DENY is a NotAllowedError, and the frontend then reads the catalog, which applies
 * the policy per entity.
 *
 * A user's decision is reused for DECISION_TTL_MS, so that a page's queries do not each cost
 * a call to the permission backend. That staleness is acceptable: the policy decides from
 * the user's token, whose ownership claims are themselves fixed for up to an hour, so a
 * change of group or policy already reaches a user late; ten more seconds change nothing.
 * Services are not cached: the permissions service decides them locally, from their token's
 * access restrictions (other plugins have none, and are answered as before).
 */
export class WholeCatalogReadGate {
  readonly #permissions: PermissionsService;
  readonly #ttlMs: number;
  readonly #maxCachedUsers: number;
  // By user entity ref, oldest first (an entry asked again is moved to the end).
  readonly #decisions = new Map<string, CachedDecision>();

  constructor(options: {
    permissions: PermissionsService;
    ttlMs?: number;
    maxCachedUsers?: number;
  }) {
    this.#permissions = options.permissions;
    this.#ttlMs = options.ttlMs ?? DECISION_TTL_MS;
    this.#maxCachedUsers = options.maxCachedUsers ?? MAX_CACHED_USERS;
  }

  /** Resolves when the caller may read the index; rejects with NotAllowedError if not. */
  async assertMayReadIndex(credentials: CallerCredentials): Promise<void> {
    const allowed =
      credentials.principal.type === 'user'
        ? this.#userDecision(credentials.principal.userEntityRef, credentials)
        : this.#ask(credentials);
    if (!(await allowed)) {
      throw new NotAllowedError(WHOLE_CATALOG_READ_REQUIRED);
    }
  }

  #userDecision(
    userEntityRef: string,
    credentials: CallerCredentials,
  ): Promise<boolean> {
    const now = Date.now();
    const cached = this.#decisions.get(userEntityRef);
    if (cached && cached.expiresAt > now) {
      return cached.allowed;
    }
    this.#decisions.delete(userEntityRef);
    if (this.#decisions.size >= this.#maxCachedUsers) {
      const oldest = this.#decisions.keys().next().value;
      this.#decisions.delete(oldest!);
    }
    // The promise is cached, so that a page's concurrent first queries ask once.
    const entry: CachedDecision = {
      allowed: this.#ask(credentials),
      expiresAt: now + this.#ttlMs,
    };
    this.#decisions.set(userEntityRef, entry);
    // A failed call is no decision: the next query asks again.
    entry.allowed.catch(() => {
      if (this.#decisions.get(userEntityRef) === entry) {
        this.#decisions.delete(userEntityRef);
      }
    });
    return entry.allowed;
  }

  async #ask(credentials: CallerCredentials): Promise<boolean> {
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }
}
