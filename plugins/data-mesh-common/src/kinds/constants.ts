/** The apiVersion of the suite's kinds. */
export const DATAMESH_API_VERSION = 'datamesh/v1alpha1';

/** The kinds the suite adds or extends. */
export const DATA_PRODUCT_KIND = 'DataProduct';
export const DOMAIN_KIND = 'Domain';

/** `spec.type` of the `API` entities that hold a data contract. */
export const DATA_CONTRACT_API_TYPE = 'data-contract';

/** Annotations the suite sets on entities it derives from a descriptor. */
export const ANNOTATION_DESCRIPTOR_STANDARD = 'datamesh/descriptor-standard';
export const ANNOTATION_DESCRIPTOR_VERSION = 'datamesh/descriptor-version';
/** The descriptor's own identifier (ODPS/ODCS `id`, DPDS fully qualified name). */
export const ANNOTATION_DESCRIPTOR_ID = 'datamesh/descriptor-id';

export const DATA_PRODUCT_TYPES = [
  'source-aligned',
  'aggregate',
  'consumer-aligned',
] as const;
export type DataProductType = (typeof DATA_PRODUCT_TYPES)[number];

export const CLASSIFICATIONS = [
  'public',
  'internal',
  'confidential',
  'restricted',
] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Kinds of output port; `other` keeps what a descriptor names that is none of these. */
export const OUTPUT_PORT_TYPES = [
  'sql-view',
  'table',
  'api',
  'stream',
  'file',
  'other',
] as const;
export type OutputPortType = (typeof OUTPUT_PORT_TYPES)[number];

/**
 * A consumer (a user, group, component or system) of a data product, from a granted access
 * request; its inverse is on the product. The catalog graph shows both.
 */
export const RELATION_CONSUMES_DATA_PRODUCT = 'consumesDataProduct';
export const RELATION_DATA_PRODUCT_CONSUMED_BY = 'dataProductConsumedBy';

/**
 * How many consumers (granted access requests) a product has, set by the catalog module from
 * the data-access plugin's grants. Zero-padded to six digits, because the catalog orders
 * entities by the text of a field: "000012" sorts after "000009" where "12" would not.
 */
export const ANNOTATION_CONSUMER_COUNT = 'datamesh/consumer-count';

/**
 * The product's governance status (`passing`, `warning` or `failing`), set by the catalog
 * module from the governance results of the data-marketplace backend, so the catalog's own
 * query API can filter and facet on it.
 */
export const ANNOTATION_GOVERNANCE_STATUS = 'datamesh/governance-status';
export const GOVERNANCE_STATUSES = ['passing', 'warning', 'failing'] as const;
export type GovernanceStatus = (typeof GOVERNANCE_STATUSES)[number];

/**
 * When the catalog first listed a product (an ISO timestamp), kept by the catalog module so
 * the marketplace can sort by "newest" and the mesh metrics can date a product's first version.
 */
export const ANNOTATION_LISTED_AT = 'datamesh/listed-at';
