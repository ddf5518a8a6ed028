import type {
  Classification,
  DataProductType,
} from '@datamesh/plugin-data-mesh-common';

/**
 * What a template's form says about a data product: the one shape the create and evolve
 * actions turn into an ODPS descriptor and an ODCS contract. Only what the suite's
 * converters read back is here, so a product written from it reads back unchanged.
 */
export interface ProductAnswers {
  /** The product's entity name: kebab case (see namingRules.ts). */
  name: string;
  /** Its display name; the catalog makes the entity name from it, so they must agree. */
  title: string;
  /** Entity ref of the domain (`domain:default/brokerage`). */
  domain: string;
  /** Entity ref of the owning group (`group:default/brokerage-data-team`). */
  owner: string;
  type: DataProductType;
  version: string;
  purpose: string;
  limitations?: string;
  /** Usage limits: what consumers may and may not do with the data. */
  usage?: string;
  classification: Classification;
  /** Who may be granted access, and who approves: required for restricted products. */
  accessPolicy?: string;
  /** `daily`, `hourly`, ... or an ISO 8601 duration. */
  updateFrequency: string;
  license: string;
  redistribution?: boolean;
  tags?: string[];
  outputPorts: OutputPortAnswer[];
  inputPorts: InputPortAnswer[];
}

/** The output port types a template offers (the kind's types but `other`). */
export const OFFERED_PORT_TYPES = [
  'sql-view',
  'table',
  'api',
  'stream',
  'file',
] as const;
export type OfferedPortType = (typeof OFFERED_PORT_TYPES)[number];

export const LOGICAL_TYPES = [
  'string',
  'date',
  'timestamp',
  'time',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
] as const;
export type LogicalType = (typeof LOGICAL_TYPES)[number];

export interface ColumnAnswer {
  name: string;
  logicalType: LogicalType;
  description?: string;
  required?: boolean;
  classification?: Classification;
}

export interface OutputPortAnswer {
  name: string;
  /** One of OFFERED_PORT_TYPES from a form; a changed product keeps what it had. */
  type: string;
  /** Where consumers read it: `warehouse.schema.view`, a URL, a topic. */
  address: string;
  description?: string;
  /** The columns the port exposes; they become the contract's schema object. */
  columns: ColumnAnswer[];
  /** The contract it follows; default the product's (contractIdOf). */
  contractId?: string;
}

/** An upstream data product (lineage) or an outside source the product reads. */
export interface InputPortAnswer {
  name: string;
  /** Entity ref of the upstream DataProduct. */
  dataProduct?: string;
  /** An outside source that is not a data product. */
  source?: string;
  version: string;
  contractId: string;
}

/** The id of a product's contract: one contract per product, one schema object per port. */
export function contractIdOf(productName: string): string {
  return `${productName}-contract`;
}
