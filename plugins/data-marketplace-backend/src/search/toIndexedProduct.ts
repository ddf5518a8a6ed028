import { createHash } from 'node:crypto';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import {
  ANNOTATION_LISTED_AT,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
} from '@datamesh/plugin-data-mesh-common';
import { metricsRef } from '../metrics/refs';
import {
  MAX_VALUE_LENGTH,
  type DetailRow,
  type ProductRow,
  type SearchRow,
  type ValueRow,
} from './tables';
import type { ProductCardEntity } from './types';

/**
 * A product as the index keeps it: its row (but the time it is written), details, values
 * and search text.
 */
export interface IndexedProduct {
  row: Omit<
    ProductRow,
    'indexed_at' | 'source_etag' | 'list_values' | 'governance'
  >;
  details: DetailRow;
  values: ValueRow[];
  search: SearchRow;
}

/** What the card stores: the entity trimmed to what a card shows, and the consumer count. */
export interface StoredCard {
  entity: ProductCardEntity;
  consumerCount: number;
}

/** The entity fields the indexer asks the catalog for: what toIndexedProduct reads. */
export const INDEXED_FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.tags',
  'metadata.annotations',
  'spec.domain',
  'spec.owner',
  'spec.type',
  'spec.classification',
  'spec.lifecycle',
  'spec.version',
  'spec.description.purpose',
  'spec.sla',
  'spec.outputPorts',
  'relations',
];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const lower = (value: unknown): string | null =>
  text(value)?.toLocaleLowerCase('en-US') ?? null;

const record = (value: unknown): JsonObject | undefined =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A complete ref (`kind:namespace/name`), as the catalog module writes spec refs. */
const COMPLETE_REF = /^[^:/\s]+:[^:/\s]+\/[^:/\s]+$/;

/**
 * A ref in the index's spelling, `kind:namespace/name` in lower case; null when none. A
 * complete ref is only lowercased: the indexer reads every product on every run.
 */
function canonicalRef(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | null {
  if (typeof value === 'string' && COMPLETE_REF.test(value)) {
    return value.toLocaleLowerCase('en-US');
  }
  return metricsRef(value, { defaultKind, defaultNamespace }) ?? null;
}

function listedAt(entity: Entity): Date | null {
  const value = text(entity.metadata.annotations?.[ANNOTATION_LISTED_AT]);
  const time = value ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? null : new Date(time);
}

function outputPorts(spec: JsonObject) {
  return list(spec.outputPorts)
    .map(record)
    .filter((port): port is JsonObject => !!port && !!text(port.name))
    .map(port => ({
      name: text(port.name)!,
      type: text(port.type),
      address: text(port.address),
    }));
}

function cardEntity(
  entity: Entity,
  spec: JsonObject,
  ports: ReturnType<typeof outputPorts>,
): ProductCardEntity {
  const { metadata } = entity;
  const purpose = text(record(spec.description)?.purpose);
  // JSON drops the undefined fields, so a card holds only what the entity has.
  return {
    apiVersion: entity.apiVersion,
    kind: entity.kind,
    metadata: {
      name: metadata.name,
      namespace: metadata.namespace ?? 'default',
      title: text(metadata.title),
      description: text(metadata.description),
      tags: metadata.tags?.length ? metadata.tags : undefined,
      annotations: metadata.annotations,
    },
    spec: {
      domain: text(spec.domain),
      owner: text(spec.owner),
      type: text(spec.type),
      classification: text(spec.classification),
      lifecycle: text(spec.lifecycle),
      version: text(spec.version),
      description: purpose ? { purpose } : undefined,
      sla: record(spec.sla),
      outputPorts: ports.length
        ? ports.map(port => ({ name: port.name, type: port.type }))
        : undefined,
    },
  };
}

/** The rows of the many-valued facets: one per tag and per output port type. */
function listValues(
  entityRef: string,
  tags: string[],
  portTypes: string[],
): ValueRow[] {
  // Longer values are no tag or port type (the catalog caps tags at 63 characters).
  const rows = (facet: string, values: string[]) =>
    [...new Set(values)]
      .filter(value => value.length <= MAX_VALUE_LENGTH)
      .map(value => ({ entity_ref: entityRef, facet, value }));
  return [...rows('tag', tags), ...rows('port', portTypes)];
}

/** A single facet value: lowercase, and null when longer than its column. */
function facetValue(value: string | null | undefined): string | null {
  return value && value.length <= MAX_VALUE_LENGTH ? value : null;
}

/**
 * A DataProduct entity as the marketplace index keeps it. Pure: the same entity gives the
 * same row and hash, so a run that finds the hash unchanged skips the product.
 */
export function toIndexedProduct(entity: Entity): IndexedProduct {
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  const entityRef = `${entity.kind}:${namespace}/${name}`.toLocaleLowerCase(
    'en-US',
  );
  const spec = record(entity.spec) ?? {};
  const ports = outputPorts(spec);
  const tags = list(entity.metadata.tags)
    .map(lower)
    .filter((tag): tag is string => !!tag);
  const title = text(entity.metadata.title) ?? name;
  const description = text(entity.metadata.description) ?? null;
  const purpose = text(record(spec.description)?.purpose) ?? null;
  const domain = canonicalRef(spec.domain, 'domain', namespace);
  const owner = canonicalRef(spec.owner, 'group', namespace);
  const sla = record(spec.sla);
  const consumerCount = (entity.relations ?? []).filter(
    relation => relation.type === RELATION_DATA_PRODUCT_CONSUMED_BY,
  ).length;
  const storedCard: StoredCard = {
    entity: cardEntity(entity, spec, ports),
    consumerCount,
  };

  const facets = {
    domain: facetValue(domain),
    owner: facetValue(owner),
    type: facetValue(lower(spec.type)),
    classification: facetValue(lower(spec.classification)),
    lifecycle: facetValue(lower(spec.lifecycle)),
  };
  const searchText = [
    title,
    name,
    description,
    purpose,
    ...tags,
    ...ports.flatMap(port => [port.name, port.address]),
    // The domain's name, not its ref: "domain:" would match every product.
    domain?.slice(domain.indexOf('/') + 1),
  ]
    .filter(Boolean)
    .join('\n')
    .toLocaleLowerCase('en-US');

  const row = {
    entity_ref: entityRef,
    namespace,
    name,
    title,
    // By code points: a cut between the halves of a surrogate pair is no valid text.
    sort_title: Array.from(title.toLocaleLowerCase('en-US'))
      .slice(0, MAX_VALUE_LENGTH)
      .join(''),
    ...facets,
    consumer_count: consumerCount,
    listed_at: listedAt(entity),
    update_frequency: text(sla?.updateFrequency) ?? null,
    freshness: text(sla?.freshness) ?? null,
    row_hash: '',
  };
  const details = {
    entity_ref: entityRef,
    description,
    purpose,
    card: JSON.stringify(storedCard),
  };
  const values = listValues(
    entityRef,
    tags,
    ports.flatMap(port =>
      port.type ? [port.type.toLocaleLowerCase('en-US')] : [],
    ),
  );
  // Every column but the hash and the time, the details and the values: any change rewrites.
  // The card goes in as it is, not escaped again inside another JSON document.
  row.row_hash = createHash('sha256')
    .update(JSON.stringify([row, values, description, purpose, searchText]))
    .update(details.card)
    .digest('hex');
  return {
    row,
    details,
    values,
    search: { entity_ref: entityRef, search_text: searchText },
  };
}
