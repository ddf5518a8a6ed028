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
