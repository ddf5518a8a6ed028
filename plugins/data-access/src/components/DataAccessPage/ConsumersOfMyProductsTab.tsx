import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataAccessApiRef } from '../../api';
import { GrantsTable } from '../shared/GrantsTable';
import type { ActionOutcome } from '../shared/RequestActions';

/** Enough for a team's products; more would be one request per product on every visit. */
const MAX_PRODUCTS = 100;

/** Who consumes the data products that the user (or one of their groups) owns. */
export function ConsumersOfMyProductsTab() {
  const api = useApi(dataAccessApiRef);
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  const [notice, setNotice] = useState<ActionOutcome>();

  const { value, error, retry } = useAsyncRetry(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    if (ownershipEntityRefs.length === 0) {
      return [];
    }
    const products = await catalogApi.getEntities({
      filter: { kind: 'DataProduct', 'relations.ownedBy': ownershipEntityRefs },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
      limit: MAX_PRODUCTS,
    });
    const grants = await Promise.all(
      products.items.map(product =>
        api.listProductGrants(stringifyEntityRef(product)),
      ),
    );
    return grants.flat();
  }, [api, identityApi, catalogApi]);

  const onOutcome = (outcome: ActionOutcome) => {
    setNotice(outcome);
    if (outcome.reload) {
      retry();
    }
  };

  if (error && !value) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return <Progress />;
  }
  if (value.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No consumers yet"
        description="Consumers of the data products you own appear here once their access is granted."
      />
    );
  }
  return (
    <>
      {notice && (
        <Alert
          severity={notice.severity}
          onClose={() => setNotice(undefined)}
          style={{ marginBottom: 16 }}
        >
          {notice.message}
        </Alert>
      )}
      <GrantsTable
        grants={value}
        label="Consumers of my products"
        showProduct
        onOutcome={onOutcome}
      />
    </>
  );
}
