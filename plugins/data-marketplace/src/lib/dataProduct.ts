import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CONSUMER_COUNT,
  ANNOTATION_GOVERNANCE_STATUS,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
  type DataProductEntityV1alpha1,
  type OutputPort,
  type ServiceLevel,
  type SupportChannel,
} from '@datamesh/plugin-data-mesh-common';
import { asList, asRecord, asText } from './values';

/** The spec of a DataProduct, every field possibly missing. */
export type DataProductSpec = Partial<DataProductEntityV1alpha1['spec']>;

export function productSpec(entity: Entity): DataProductSpec {
  return (asRecord(entity.spec) ?? {}) as DataProductSpec;
}

/** What a person calls the product: its title, else its name. */
export function productTitle(entity: Entity): string {
  return asText(entity.metadata.title) ?? entity.metadata.name;
}

/** Why the product exists, as its descriptor says; the entity description otherwise. */
export function productPurpose(entity: Entity): string | undefined {
  const description = asRecord(productSpec(entity).description);
  return asText(description?.purpose) ?? asText(entity.metadata.description);
}

export function productDescriptionParts(entity: Entity): {
  purpose?: string;
  limitations?: string;
  usage?: string;
} {
  const description = asRecord(productSpec(entity).description);
  return {
    purpose: productPurpose(entity),
    limitations: asText(description?.limitations),
    usage: asText(description?.usage),
  };
}

/**
 * How many consumers use the product: its `dataProductConsumedBy` relations when the
 * entity came with its relations, else the count the catalog module keeps as an annotation.
 */
export function consumerCount(entity: Entity): number {
  if (Array.isArray(entity.relations)) {
    return entity.relations.filter(
      relation => relation.type === RELATION_DATA_PRODUCT_CONSUMED_BY,
    ).length;
  }
  const annotated = Number.parseInt(
    entity.metadata.annotations?.[ANNOTATION_CONSUMER_COUNT] ?? '',
    10,
  );
  return Number.isFinite(annotated) ? annotated : 0;
}

/** The governance status the catalog module annotated, if any. */
export function governanceStatus(entity: Entity): string | undefined {
  return asText(entity.metadata.annotations?.[ANNOTATION_GOVERNANCE_STATUS]);
}

export function outputPorts(entity: Entity): OutputPort[] {
  return asList<OutputPort>(productSpec(entity).outputPorts).filter(
    port => asRecord(port) && asText(port.name),
  );
}

export function supportChannels(entity: Entity): SupportChannel[] {
  return asList<SupportChannel>(productSpec(entity).support).filter(channel =>
    asRecord(channel),
  );
}

/** The product's SLA in one shape: the named fields first, then the listed properties. */
export function productServiceLevels(entity: Entity): ServiceLevel[] {
  const sla = asRecord(productSpec(entity).sla);
  if (!sla) {
    return [];
  }
  const named: ServiceLevel[] = [];
  for (const [property, label] of [
    ['updateFrequency', 'Update frequency'],
    ['freshness', 'Freshness'],
    ['availability', 'Availability'],
  ] as const) {
    const value = asText(sla[property]);
    if (value) {
      named.push({ property: label, value });
    }
  }
  const listed = asList<ServiceLevel>(sla.properties).filter(
    level => asRecord(level) && asText(level.property),
  );
  return [...named, ...listed];
}

/** One line for a product card: how fresh the data is kept. */
export function freshnessSummary(entity: Entity): string | undefined {
  const sla = asRecord(productSpec(entity).sla);
  if (!sla) {
    return undefined;
  }
  const parts = [
    asText(sla.updateFrequency) && `updated ${asText(sla.updateFrequency)}`,
    asText(sla.freshness) && `fresh within ${asText(sla.freshness)}`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}
