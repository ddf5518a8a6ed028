import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * At most this many refreshes per run. After a policy change that flips thousands of
 * products, asking for all of them at once would flood the catalog's processing queue; the
 * rest get their new status at the catalog's next processing round, as they would anyway.
 */
export const MAX_REFRESHES_PER_RUN = 200;
const CONCURRENCY = 4;

/**
 * Asks the catalog to process again the products whose status changed, so the data-mesh
 * catalog module puts the new status on the entity (an annotation the marketplace filters
 * and facets on) within seconds. A refresh that fails costs a log line: the catalog catches
 * up at its next processing round.
 */
export async function refreshInCatalog(
  entityRefs: string[],
  deps: { catalog: CatalogService; auth: AuthService; logger: LoggerService },
): Promise<number> {
  const refs = entityRefs.slice(0, MAX_REFRESHES_PER_RUN);
  if (refs.length === 0) {
    return 0;
  }
  const credentials = await deps.auth.getOwnServiceCredentials();
  let next = 0;
  const worker = async () => {
    while (next < refs.length) {
      const entityRef = refs[next++];
      try {
        await deps.catalog.refreshEntity(entityRef, { credentials });
      } catch (error) {
        deps.logger.warn(
          'Could not ask the catalog to refresh a data product',
          {
            entityRef,
            error: String(error),
          },
        );
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return refs.length;
}
