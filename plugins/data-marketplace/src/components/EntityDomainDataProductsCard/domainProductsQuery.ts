import {
  DEFAULT_NAMESPACE,
  Entity,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_CONSUMER_COUNT,
  DATA_PRODUCT_KIND,
} from '@datamesh/plugin-data-mesh-common';
import type { QueryEntitiesRequest } from '../../lib/catalogTypes';

/** Products listed on a domain's page; the marketplace has the rest. */
export const DOMAIN_PRODUCTS_LIMIT = 50;

const DOMAIN_PRODUCT_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  `metadata.annotations.${ANNOTATION_CONSUMER_COUNT}`,
  'spec.owner',
  'spec.lifecycle',
  'spec.classification',
  'relations',
];

/**
 * The domain's DataProducts: those whose spec.domain names it (as a full ref, or as the short
 * forms a hand-written entity of the default namespace may use), or that the catalog relates
 * to it with partOf.
 */
export function domainProductsRequest(domain: Entity): QueryEntitiesRequest {
  const ref = stringifyEntityRef(domain);
  const name = domain.metadata.name;
  const inDefaultNamespace =
    (domain.metadata.namespace ?? DEFAULT_NAMESPACE) === DEFAULT_NAMESPACE;
  const domainValues = inDefaultNamespace
    ? [ref, `domain:${name}`, name]
    : [ref];
  return {
    filter: [
      { kind: DATA_PRODUCT_KIND, 'spec.domain': domainValues },
      { kind: DATA_PRODUCT_KIND, [`relations.${RELATION_PART_OF}`]: ref },
    ],
    // Every entity has a name, so this order leaves none out.
    orderFields: [{ field: 'metadata.name', order: 'asc' }],
    limit: DOMAIN_PRODUCTS_LIMIT,
    fields: DOMAIN_PRODUCT_FIELDS,
  };
}
