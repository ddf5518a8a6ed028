import { Grid } from '@material-ui/core';
import { EntityLayout } from '@backstage/plugin-catalog';
import { EntityCatalogGraphCard } from '@backstage/plugin-catalog-graph';
import {
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import {
  EntityContractSchemaCard,
  EntityDataProductOverviewCard,
  EntityGovernanceCard,
  EntityLineageCard,
  EntityOutputPortsCard,
  EntitySlaQualityCard,
} from '@datamesh/plugin-data-marketplace';
import {
  EntityDataProductConsumersCard,
  RequestAccessButton,
} from '@datamesh/plugin-data-access';
import {
  RELATION_CONSUMES_DATA_PRODUCT,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
} from '@datamesh/plugin-data-mesh-common';
import { ReactNode } from 'react';

/** The page of a DataProduct: what it is, how to consume it, its schema, SLA and lineage. */
export function dataProductPage(entityWarningContent: ReactNode) {
  return (
    <EntityLayout>
      <EntityLayout.Route path="/" title="Overview">
        <Grid container spacing={3}>
          {entityWarningContent}
          <Grid item xs={12}>
            <RequestAccessButton />
          </Grid>
          <Grid item xs={12}>
            <EntityDataProductOverviewCard />
          </Grid>
          <Grid item xs={12}>
            <EntityOutputPortsCard />
          </Grid>
          <Grid item xs={12} md={6}>
            <EntityDataProductConsumersCard />
          </Grid>
          <Grid item xs={12} md={6}>
            <EntityLineageCard />
          </Grid>
        </Grid>
      </EntityLayout.Route>
      <EntityLayout.Route path="/schema" title="Schema">
        <EntityContractSchemaCard />
      </EntityLayout.Route>
      <EntityLayout.Route path="/sla" title="SLA and quality">
        <EntitySlaQualityCard />
      </EntityLayout.Route>
      <EntityLayout.Route path="/governance" title="Governance">
        <EntityGovernanceCard />
      </EntityLayout.Route>
      <EntityLayout.Route path="/lineage" title="Lineage">
        <EntityCatalogGraphCard
          title="Lineage and consumers"
          height={600}
          maxDepth={3}
          relations={[
            RELATION_DEPENDS_ON,
            RELATION_DEPENDENCY_OF,
            RELATION_PART_OF,
            RELATION_HAS_PART,
            RELATION_OWNED_BY,
            RELATION_PROVIDES_API,
            RELATION_CONSUMES_DATA_PRODUCT,
            RELATION_DATA_PRODUCT_CONSUMED_BY,
          ]}
          unidirectional={false}
        />
      </EntityLayout.Route>
    </EntityLayout>
  );
}
