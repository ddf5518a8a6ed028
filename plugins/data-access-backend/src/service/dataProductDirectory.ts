import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  isDataProductEntity,
  type DataProductEntityV1alpha1,
} from '@datamesh/plugin-data-mesh-common';
import { createExpiringPromiseCache } from '../cache/expiringPromiseCache';
import { loadDataProduct } from './dataProducts';
import { normalizeEntityRef } from './entityRefs';

/** Beyond this many products, the oldest read is forgotten first. */
const MAX_CACHED_PRODUCTS = 10_000;

/** Where the service finds the data product a caller names. */
export interface DataProductDirectory {
  /** The product as the caller may see it in the catalog; NotFoundError (404) otherwise. */
  load(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<DataProductEntityV1alpha1>;
}

/**
 * Finds data products for the service without a catalog round trip per request where the
 * permission policy allows it. Asking the catalog with the user's credentials costs three
 * loopback calls (the catalog, which asks the permission backend, which asks the auth
 * backend for the user's ownership) — most of the cost of creating an access request.
 *
 * So: the user's catalog.entity.read decision is asked through `permissions` (which the
 * plugin caches per user). An unconditional ALLOW means the user sees every entity, so the
 * product is read with the plugin's own credentials and shared by all such users for
 * `ttlMs`; a DENY sees nothing (404); a CONDITIONAL decision, which only the catalog's
 * rules can apply, reads the catalog with the user's credentials as before. A product
 * edited in the catalog reaches new requests within `ttlMs`, well inside the catalog's own
 * refresh lag; a product not found is not remembered, so a new one is found at once.
 */
export function createDataProductDirectory(options: {
  catalog: CatalogService;
  auth: AuthService;
  permissions: Pick<PermissionsService, 'authorizeConditional'>;
  ttlMs: number;
  now?: () => number;
}): DataProductDirectory {
  const { catalog, auth, permissions, ttlMs, now = Date.now } = options;
  const products = createExpiringPromiseCache<
    DataProductEntityV1alpha1 | undefined
  >({ ttlMs, maxEntries: MAX_CACHED_PRODUCTS, now });

  const readWithOwnCredentials = async (ref: string) => {
    const entity = await catalog.getEntityByRef(ref, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    return entity && isDataProductEntity(entity) ? entity : undefined;
  };

  const cachedProduct = (ref: string) =>
    products.get(
      ref,
      () => readWithOwnCredentials(ref),
      entity => entity !== undefined,
    );

  return {
    async load(ref, credentials) {
      const isUser =
        (credentials.principal as { type?: string }).type === 'user';
      if (!isUser || ttlMs <= 0) {
        return loadDataProduct(catalog, ref, credentials);
      }
      const [decision] = await permissions.authorizeConditional(
        [{ permission: catalogEntityReadPermission }],
        { credentials },
      );
      if (decision.result === AuthorizeResult.CONDITIONAL) {
        return loadDataProduct(catalog, ref, credentials);
      }
      const product =
        decision.result === AuthorizeResult.ALLOW
          ? await cachedProduct(canonicalRef(ref))
          : undefined;
      if (!product) {
        throw new NotFoundError(`No data product ${ref} in the catalog`);
      }
      return product;
    },
  };
}

/** The ref in the catalog's canonical spelling; a malformed one is kept, for the catalog to refuse. */
function canonicalRef(ref: string): string {
  try {
    return normalizeEntityRef(ref);
  } catch {
    return ref;
  }
}
