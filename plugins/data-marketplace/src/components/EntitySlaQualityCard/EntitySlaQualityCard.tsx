import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useProductContracts } from '../../hooks/useProductContracts';
import {
  contractQualityRules,
  contractServiceLevels,
} from '../../lib/contractParts';
import {
  productServiceLevels,
  productSpec,
  productTitle,
} from '../../lib/dataProduct';
import type { LocatedQualityRule } from '../../lib/displayTypes';
import { asList, asRecord, asText } from '../../lib/values';
import { QualityRules } from '../common/QualityRules';
import { ServiceLevelsTable } from '../common/ServiceLevelsTable';

/**
 * What the product promises about its data: service levels (update frequency, freshness,
 * availability and the rest) and quality rules, from the product and from its contracts.
 */
export function EntitySlaQualityCard() {
  const { entity } = useEntity();
  const { value, loading, error } = useProductContracts(entity);

  const productLevels = productServiceLevels(entity).map(level => ({
    property: level.property,
    value: level.value,
    unit: level.unit,
    note: level.description,
  }));
  const productRules: LocatedQualityRule[] = asList(productSpec(entity).quality)
    .map(asRecord)
    .filter((rule): rule is Record<string, unknown> => Boolean(rule))
    .map(rule => ({ where: productTitle(entity), rule }));
  const readable = (value?.contracts ?? []).filter(c => c.contract.ok);
  const contractRules = readable.flatMap(({ entity: api, contract }) =>
    contract.ok
      ? contractQualityRules(
          contract.summary,
          asText(api.metadata.title) ?? api.metadata.name,
        )
      : [],
  );

  return (
    <InfoCard title="Service levels and quality">
      <Box mb={3}>
        <Typography variant="subtitle2" component="h3">
          Product service levels
        </Typography>
        <ServiceLevelsTable
          levels={productLevels}
          emptyText="The product declares no service level."
        />
      </Box>
      {loading && <Progress />}
      {error && (
        <ResponseErrorPanel
          title="The contracts could not be loaded"
          error={error}
        />
      )}
      {readable.map(({ ref, entity: api, contract }) =>
        contract.ok ? (
          <Box mb={3} key={ref}>
            <Typography variant="subtitle2" component="h3">
              Contract service levels:{' '}
              {asText(api.metadata.title) ?? api.metadata.name}
            </Typography>
            <ServiceLevelsTable
              levels={contractServiceLevels(contract.summary)}
              emptyText="The contract declares no service level."
            />
          </Box>
        ) : null,
      )}
      <Typography variant="subtitle2" component="h3">
        Quality rules
      </Typography>
      <QualityRules rules={[...productRules, ...contractRules]} />
    </InfoCard>
  );
}
