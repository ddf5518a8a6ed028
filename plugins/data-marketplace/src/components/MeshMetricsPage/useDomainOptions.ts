import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { DOMAIN_KIND } from '@datamesh/plugin-data-mesh-common';
import useAsync from 'react-use/esm/useAsync';

export interface DomainOption {
  /** Lower case, as the metrics store keeps domain refs. */
  ref: string;
  title: string;
}

/** A mesh has a handful of domains; one page of the catalog holds them all. */
const DOMAIN_LIMIT = 500;

/** The catalog's domains, by title, for the domain selector. */
export function useDomainOptions() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<DomainOption[]> => {
    const { items } = await catalogApi.queryEntities({
      filter: { kind: DOMAIN_KIND },
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.title'],
      limit: DOMAIN_LIMIT,
    });
    return items
      .map(entity => ({
        ref: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        title: entity.metadata.title ?? entity.metadata.name,
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [catalogApi]);
}
