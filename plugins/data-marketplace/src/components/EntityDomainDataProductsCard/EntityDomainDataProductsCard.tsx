import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  consumerCount,
  productSpec,
  productTitle,
} from '../../lib/dataProduct';
import { humanizeValue } from '../../lib/humanize';
import { asText } from '../../lib/values';
import { ClassificationChip } from '../common/ClassificationChip';
import { domainProductsRequest } from './domainProductsQuery';
import { useMarketplaceLink } from './useMarketplaceLink';

/** The data products of a domain, with their owners, lifecycles and consumers. */
export function EntityDomainDataProductsCard() {
  const { entity: domain } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const marketplaceLink = useMarketplaceLink();
  const domainRef = stringifyEntityRef(domain);
  const { value, loading, error } = useAsync(
    () => catalogApi.queryEntities(domainProductsRequest(domain)),
    [catalogApi, domainRef],
  );

  const marketplaceHref =
    marketplaceLink &&
    `${marketplaceLink()}?${new URLSearchParams({ domain: domainRef })}`;
  const more = value && value.totalItems > value.items.length;

  return (
    <InfoCard
      title="Data products"
      subheader={
        value &&
        `${value.totalItems} data ${
          value.totalItems === 1 ? 'product' : 'products'
        }`
      }
      deepLink={
        marketplaceHref
          ? {
              link: marketplaceHref,
              title: more
                ? `All ${value!.totalItems} in the marketplace`
                : 'Browse in the marketplace',
            }
          : undefined
      }
    >
      {loading && <Progress />}
      {error && (
        <ResponseErrorPanel
          title="The data products could not be loaded"
          error={error}
        />
      )}
      {value && value.items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          This domain publishes no data product yet.
        </Typography>
      )}
      {value && value.items.length > 0 && (
        <Table size="small" aria-label="Data products of the domain">
          <TableHead>
            <TableRow>
              <TableCell>Data product</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell>Lifecycle</TableCell>
              <TableCell>Classification</TableCell>
              <TableCell align="right">Consumers</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {value.items.map(product => {
              const spec = productSpec(product);
              const owner = asText(spec.owner);
              return (
                <TableRow key={stringifyEntityRef(product)}>
                  <TableCell>
                    <EntityRefLink entityRef={product}>
                      {productTitle(product)}
                    </EntityRefLink>
                  </TableCell>
                  <TableCell>
                    {owner && (
                      <EntityRefLink
                        entityRef={owner}
                        defaultKind="group"
                        hideIcon
                      />
                    )}
                  </TableCell>
                  <TableCell>
                    {asText(spec.lifecycle) && humanizeValue(spec.lifecycle!)}
                  </TableCell>
                  <TableCell>
                    <ClassificationChip
                      classification={asText(spec.classification)}
                    />
                  </TableCell>
                  <TableCell align="right">{consumerCount(product)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {more && !marketplaceHref && (
        <Typography variant="body2" color="textSecondary">
          Showing {value!.items.length} of {value!.totalItems}.
        </Typography>
      )}
    </InfoCard>
  );
}
