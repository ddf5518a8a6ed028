import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { dataMarketplaceApiRef, type ProductGovernance } from '../../api';
import { useOptionalRouteLink } from '../../hooks/useOptionalRouteLink';
import { formatDateTime } from '../../lib/format';
import { governanceRouteRef } from '../../routes';
import { GovernanceBadge } from '../common/GovernanceBadge';
import { describeRuleResults } from './ruleResults';
import { RuleResultsTable } from './RuleResultsTable';

function Result(props: { product: ProductGovernance }) {
  const { product } = props;
  return (
    <>
      <Box mb={2}>
        <Typography variant="body2">
          {describeRuleResults(product.results)}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          Evaluated {formatDateTime(product.evaluatedAt)}. Checks run
          continuously against the mesh-wide and domain policies.
        </Typography>
      </Box>
      {product.results.length > 0 && (
        <RuleResultsTable results={product.results} />
      )}
    </>
  );
}

/**
 * A data product's governance: its status (the same badge as the overview card, which reads
 * the status the catalog keeps) and each rule's verdict, with what the owner has to change.
 */
export function EntityGovernanceCard() {
  const { entity } = useEntity();
  const api = useApi(dataMarketplaceApiRef);
  const governanceLink = useOptionalRouteLink(governanceRouteRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getProductGovernance(entityRef),
    [api, entityRef],
  );

  return (
    <InfoCard
      title="Governance"
      subheader={value && <GovernanceBadge status={value.status} />}
      deepLink={
        governanceLink
          ? { title: 'Mesh governance', link: governanceLink() }
          : undefined
      }
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {!loading && !error && !value && (
        <Typography variant="body2" data-testid="governance-not-evaluated">
          Not evaluated yet: the governance checks have not run on this product
          since it was registered. Its results appear after the next evaluation.
        </Typography>
      )}
      {!loading && value && <Result product={value} />}
    </InfoCard>
  );
}
