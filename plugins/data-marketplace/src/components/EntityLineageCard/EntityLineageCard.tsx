import type { Entity } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityRefLinks,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { lineageOf } from './lineageRefs';
import { LineageList } from './LineageList';

/** What the lineage lists show of each linked product. */
const LINKED_PRODUCT_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.domain',
];

function Column(props: { title: string; children: ReactNode }) {
  return (
    <Grid item xs={12} md={6}>
      <Typography variant="subtitle2" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </Grid>
  );
}

/**
 * Product-level lineage: the products this one reads (upstream) and those that read it
 * (downstream), with their domains, plus its outside sources and consumers. The app shows
 * the catalog graph beside it for the picture.
 */
export function EntityLineageCard() {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const lineage = lineageOf(entity);
  const refs = [...new Set([...lineage.upstream, ...lineage.downstream])];

  const linked = useAsync(async () => {
    const found = new Map<string, Entity>();
    if (refs.length) {
      const { items } = await catalogApi.getEntitiesByRefs({
        entityRefs: refs,
        fields: LINKED_PRODUCT_FIELDS,
      });
      items.forEach((item, index) => {
        if (item) {
          found.set(refs[index], item);
        }
      });
    }
    return found;
  }, [catalogApi, refs.join('\n')]);

  return (
    <InfoCard title="Lineage">
      {linked.loading && <Progress />}
      {linked.error && (
        <ResponseErrorPanel
          title="The linked products could not be loaded"
          error={linked.error}
        />
      )}
      {linked.value && (
        <Grid container spacing={3}>
          <Column title="Upstream: reads from">
            <LineageList
              label="Upstream products"
              refs={lineage.upstream}
              entities={linked.value}
              emptyText="No upstream data product."
            />
            {lineage.sources.length > 0 && (
              <Box mt={1}>
                <Typography variant="body2" color="textSecondary">
                  Outside sources
                </Typography>
                <ul aria-label="Outside sources">
                  {lineage.sources.map(source => (
                    <li key={source.name}>
                      <Typography variant="body2">
                        {source.name}: {source.source}
                      </Typography>
                    </li>
                  ))}
                </ul>
              </Box>
            )}
          </Column>
          <Column title="Downstream: read by">
            <LineageList
              label="Downstream products"
              refs={lineage.downstream}
              entities={linked.value}
              emptyText="No data product reads this one."
            />
            <Box mt={1}>
              <Typography variant="body2" color="textSecondary">
                Consumers ({lineage.consumers.length})
              </Typography>
              {lineage.consumers.length > 0 ? (
                <EntityRefLinks entityRefs={lineage.consumers} />
              ) : (
                <Typography variant="body2">
                  No one has been granted access yet.
                </Typography>
              )}
            </Box>
          </Column>
        </Grid>
      )}
    </InfoCard>
  );
}
