import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  AccessRequest,
  AccessRequestState,
} from '@datamesh/plugin-data-access-common';
import { createConsumersRefresher } from './refreshConsumersInCatalog';

function inState(state: AccessRequestState) {
  return {
    id: 'r1',
    dataProduct: 'dataproduct:default/tenancy-analytics',
    state,
  } as AccessRequest;
}

describe('createConsumersRefresher', () => {
  it('refreshes the product when a grant starts or ends, and only then', async () => {
    const catalog = catalogServiceMock.mock();
    const refresh = createConsumersRefresher({
      catalog,
      auth: mockServices.auth({ pluginId: 'data-access' }),
      logger: mockServices.logger.mock(),
    });
    for (const state of [
      'submitted',
      'approved',
      'provisioning',
      'failed',
      'granted',
      'revoked',
      'expired',
    ] as const) {
      await refresh(inState(state));
    }
    expect(catalog.refreshEntity).toHaveBeenCalledTimes(3);
    expect(catalog.refreshEntity).toHaveBeenCalledWith(
      'dataproduct:default/tenancy-analytics',
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({ subject: 'plugin:data-access' }),
        }),
      },
    );
  });

  it('logs, and does not throw, when the catalog does not answer', async () => {
    const logger = mockServices.logger.mock();
    const refresh = createConsumersRefresher({
      catalog: catalogServiceMock.mock({
        refreshEntity: async () => {
          throw new Error('catalog down');
        },
      }),
      auth: mockServices.auth({ pluginId: 'data-access' }),
      logger,
    });
    await expect(refresh(inState('granted'))).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not ask the catalog to refresh a data product',
      expect.objectContaining({ error: 'Error: catalog down' }),
    );
  });
});
