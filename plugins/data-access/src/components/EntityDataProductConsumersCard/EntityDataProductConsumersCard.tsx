import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataAccessApiRef } from '../../api';
import { GrantsTable } from '../shared/GrantsTable';
import type { ActionOutcome } from '../shared/RequestActions';

/** @public */
export interface EntityDataProductConsumersCardProps {
  title?: string;
}

/**
 * For a DataProduct's page: who consumes it (its granted requests), through which port,
 * since when and until when, with a revoke control where the user may revoke. Reuse is
 * the main value signal of a data product, so its owners see it where they look first.
 *
 * @public
 */
export function EntityDataProductConsumersCard(
  props: EntityDataProductConsumersCardProps,
) {
  const { title = 'Consumers' } = props;
  const { entity } = useEntity();
  const api = useApi(dataAccessApiRef);
  const [notice, setNotice] = useState<ActionOutcome>();
  const productRef = stringifyEntityRef(entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.listProductGrants(productRef),
    [api, productRef],
  );

  const onOutcome = (outcome: ActionOutcome) => {
    setNotice(outcome);
    if (outcome.reload) {
      retry();
    }
  };

  let body;
  if (error && !value) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value) {
    body = <Progress />;
  } else if (value.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        Nobody consumes this data product yet. Consumers appear here once an
        access request is granted.
      </Typography>
    );
  } else {
    body = (
      <GrantsTable
        grants={value}
        label={`Consumers of ${entity.metadata.title ?? entity.metadata.name}`}
        onOutcome={onOutcome}
      />
    );
  }

  return (
    <InfoCard
      title={title}
      subheader={
        value && value.length > 0
          ? `${value.length} consumer${value.length === 1 ? '' : 's'}`
          : undefined
      }
    >
      {notice && (
        <Alert
          severity={notice.severity}
          onClose={() => setNotice(undefined)}
          style={{ marginBottom: 8 }}
        >
          {notice.message}
        </Alert>
      )}
      {loading && value && <Progress />}
      {body}
    </InfoCard>
  );
}
