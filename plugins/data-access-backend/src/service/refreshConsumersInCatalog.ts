import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  AccessRequest,
  AccessRequestState,
} from '@datamesh/plugin-data-access-common';

/** States that add a consumer to a product, or take one away. */
const GRANT_CHANGES: AccessRequestState[] = ['granted', 'revoked', 'expired'];

/**
 * Asks the catalog to process a product again when its consumers changed, so that the
 * data-mesh catalog module's consumer relations (read from GET .../grants) follow within
 * seconds instead of at the next processing round. A catalog that does not answer costs a
 * log line: the relations then catch up on their own.
 */
export function createConsumersRefresher(options: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): (request: AccessRequest) => Promise<void> {
  const { catalog, auth, logger } = options;
  return async request => {
    if (!GRANT_CHANGES.includes(request.state)) {
      return;
    }
    try {
      await catalog.refreshEntity(request.dataProduct, {
        credentials: await auth.getOwnServiceCredentials(),
      });
    } catch (error) {
      logger.warn('Could not ask the catalog to refresh a data product', {
        dataProduct: request.dataProduct,
        error: String(error),
      });
    }
  };
}
