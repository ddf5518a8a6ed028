import type { JsonObject, JsonValue } from '@backstage/types';
import { ANNOTATION_SOURCE_LOCATION, Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_DESCRIPTOR_ID,
  ANNOTATION_DESCRIPTOR_STANDARD,
  ANNOTATION_DESCRIPTOR_VERSION,
  DATA_CONTRACT_API_TYPE,
} from '../kinds/constants';
import type { ConversionContext, DescriptorStandard } from './types';

const MAX_NAME_LENGTH = 63;

/**
 * Makes a valid Backstage entity name from a descriptor's id or name: letters, digits and
 * `-_.`, at most 63 characters, starting and ending with a letter or digit.
 */
export function toEntityName(value: string): string {
  const name = value
    .trim()
    .replace(/^urn:/i, '')
    .replace(/[^A-Za-z0-9\-_.]+/g, '-')
    .replace(/[-_.]{2,}/g, '-')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  if (!name) {
    throw new Error(`cannot make an entity name from "${value}"`);
  }
  return name.toLocaleLowerCase('en-US');
}

/** Annotations every derived entity carries: where it came from, in which standard. */
export function descriptorAnnotations(
  context: ConversionContext,
  standard: DescriptorStandard,
  declaredVersion: string,
  descriptorId?: string,
): Record<string, string> {
  return {
    [ANNOTATION_DESCRIPTOR_STANDARD]: standard,
    [ANNOTATION_DESCRIPTOR_VERSION]: declaredVersion,
    ...(descriptorId ? { [ANNOTATION_DESCRIPTOR_ID]: descriptorId } : {}),
    ...(context.sourceLocation
      ? { [ANNOTATION_SOURCE_LOCATION]: context.sourceLocation }
      : {}),
  };
}

/** A column, field or property of a contract's schema. */
export type ContractProperty = {
  name: string;
  /** The standard's logical type (`string`, `integer`, `date`, `object`, ...). */
  logicalType?: string;
  /** The type in the data store (`varchar(32)`, `TIMESTAMP`, ...). */
  physicalType?: string;
  description?: string;
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  /** `public`, `internal`, `confidential`, `restricted`, or what the contract says. */
  classification?: string;
  /** Personal data (DCS `pii`; ODCS has no flag of its own, see criticalDataElement). */
  pii?: boolean;
  criticalDataElement?: boolean;
  tags?: string[];
  examples?: JsonValue[];
  /** Nested properties of an object or array item. */
  properties?: ContractProperty[];
  quality?: Array<JsonObject>;
};

/** A table, view, topic or file of a contract. */
export type ContractObject = {
  name: string;
  physicalName?: string;
  /** `table`, `view`, `topic`, `file`, `object`, ... */
  physicalType?: string;
  description?: string;
  properties: ContractProperty[];
  quality?: Array<JsonObject>;
};

/**
 * What the marketplace shows of a contract, the same shape whichever standard it came in.
 * The full original document stays in the API entity's `spec.definition`.
 */
export type DataContractSummary = {
  standard: DescriptorStandard;
  version: string;
  id: string;
  title?: string;
  /** The contract's own version (not the standard's). */
  contractVersion?: string;
  status?: string;
  domain?: string;
  dataProduct?: string;
  description?: {
    purpose?: string;
    limitations?: string;
    usage?: string;
  };
  objects: ContractObject[];
  servers?: Array<JsonObject>;
  sla?: Array<{
    property: string;
    value: JsonValue;
    unit?: string;
    element?: string;
  }>;
  quality?: Array<JsonObject>;
  /** Licence, usage limits, billing, notice period: as the contract states them. */
  terms?: JsonObject;
  support?: Array<JsonObject>;
  team?: Array<JsonObject>;
  tags?: string[];
};

/** The `API` entity (type data-contract) that holds a contract. */
export function contractApiEntity(options: {
  name: string;
  title?: string;
  description?: string;
  owner: string;
  lifecycle: string;
  tags?: string[];
  annotations: Record<string, string>;
  rawText: string;
  summary: DataContractSummary;
  /** Entity ref of the system, when the contract belongs to one. */
  system?: string;
}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name: options.name,
      ...(options.title ? { title: options.title } : {}),
      ...(options.description ? { description: options.description } : {}),
      ...(options.tags?.length ? { tags: options.tags } : {}),
      annotations: options.annotations,
    },
    spec: {
      type: DATA_CONTRACT_API_TYPE,
      lifecycle: options.lifecycle,
      owner: options.owner,
      ...(options.system ? { system: options.system } : {}),
      definition: options.rawText,
      dataContract: options.summary,
    },
  };
}

/** Makes a valid Backstage tag (`[a-z0-9:+#]` words joined by `-`) from a descriptor's tag. */
export function toTag(value: string): string | undefined {
  const tag = value
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9:+#]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return tag || undefined;
}

/** Valid, de-duplicated Backstage tags from a descriptor's tags. */
export function toTags(values: unknown): string[] {
  if (!Array.isArray(values)) {
    return [];
  }
  const tags = values
    .filter((v): v is string => typeof v === 'string')
    .map(toTag)
    .filter((t): t is string => Boolean(t));
  return [...new Set(tags)];
}
