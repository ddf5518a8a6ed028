import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@material-ui/lab/Alert';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { STANDARD_TITLES } from '@datamesh/plugin-data-mesh-common';
import { useProductContracts } from '../../hooks/useProductContracts';
import { ContractErrors } from '../common/ContractErrors';
import { ContractSchemaTables } from '../common/ContractSchemaTables';

/**
 * The schema a product promises, from its data contracts (the API entities it provides):
 * each table, view or topic with its properties, types, requirement, classification and PII.
 */
export function EntityContractSchemaCard() {
  const { entity } = useEntity();
  const { value, loading, error } = useProductContracts(entity);

  return (
    <InfoCard title="Schema" subheader="From the product's data contracts">
      {loading && <Progress />}
      {error && (
        <ResponseErrorPanel
          title="The contracts could not be loaded"
          error={error}
        />
      )}
      {value && value.contracts.length === 0 && value.missing.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          This data product provides no data contract.
        </Typography>
      )}
      {value?.missing.map(ref => (
        <Alert severity="warning" key={ref}>
          The contract {ref} is not in the catalog.
        </Alert>
      ))}
      {value?.contracts.map(({ ref, entity: api, contract }) => (
        <Box
          key={ref}
          mb={3}
          component="section"
          aria-label={`Contract ${ref}`}
        >
          <Typography variant="h6" component="h3">
            <EntityRefLink entityRef={api} />
          </Typography>
          {contract.ok ? (
            <>
              <Typography variant="body2" color="textSecondary" paragraph>
                {[
                  STANDARD_TITLES[contract.summary.standard] ??
                    contract.summary.standard,
                  contract.summary.version,
                  contract.summary.contractVersion &&
                    `contract version ${contract.summary.contractVersion}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography>
              <ContractSchemaTables objects={contract.summary.objects} />
            </>
          ) : (
            <ContractErrors errors={contract.errors} />
          )}
        </Box>
      ))}
    </InfoCard>
  );
}
