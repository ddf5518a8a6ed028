import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CLASSIFICATIONS,
  DATA_PRODUCT_TYPES,
} from '@datamesh/plugin-data-mesh-common';
import { z } from 'zod';
import type { ProductAnswers } from './answers';

const text = z.string().optional();

/** The DataProduct spec fields a change starts from, checked: the catalog holds any YAML. */
const productSpec = z.object({
  domain: z.string(),
  owner: z.string(),
  type: z.enum(DATA_PRODUCT_TYPES).optional(),
  version: text,
  classification: z.enum(CLASSIFICATIONS).optional(),
  description: z
    .object({ purpose: text, limitations: text, usage: text })
    .optional(),
  outputPorts: z
    .array(
      z.object({
        name: z.string(),
        type: z.string(),
        originalType: text,
        address: text,
        description: text,
        contractId: text,
        details: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
  inputPorts: z
    .array(
      z.object({
        name: z.string(),
        dataProduct: text,
        source: text,
        version: text,
        contractId: text,
      }),
    )
    .optional(),
  sla: z.object({ updateFrequency: text }).optional(),
  usage: z
    .object({ license: text, redistribution: z.boolean().optional() })
    .optional(),
});

/**
 * The answers a product in the catalog would have given: the start of a change. Ports
 * carry no columns here; a change edits the contract document itself, which keeps them.
 */
export function answersFromEntity(entity: Entity): ProductAnswers {
  const parsed = productSpec.safeParse(entity.spec);
  if (!parsed.success) {
    throw new InputError(
      `entityRef: the catalog's ${
        entity.metadata.name
      } is not a data product a template can change: ${parsed.error.issues
        .map(i => `spec.${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const spec = parsed.data;
  const ports = (spec.outputPorts ?? []).filter(
    port => port.details?.portKind !== 'management',
  );
  return {
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    domain: spec.domain,
    owner: spec.owner,
    type: spec.type ?? 'source-aligned',
    version: spec.version ?? '1.0.0',
    purpose: spec.description?.purpose ?? '',
    limitations: spec.description?.limitations,
    usage: spec.description?.usage,
    classification: spec.classification ?? 'internal',
    updateFrequency: spec.sla?.updateFrequency ?? '',
    license: spec.usage?.license ?? '',
    redistribution: spec.usage?.redistribution,
    tags: entity.metadata.tags,
    outputPorts: ports.map(port => ({
      name: port.name,
      type: port.originalType ?? port.type,
      address: port.address ?? '',
      description: port.description,
      columns: [],
      contractId: port.contractId,
    })),
    inputPorts: (spec.inputPorts ?? []).map(port => ({
      name: port.name,
      dataProduct: port.dataProduct,
      source: port.source,
      version: port.version ?? '',
      contractId: port.contractId ?? '',
    })),
  };
}

/** The contract ids a product's ports name (the templates give every port the same). */
export function contractIdsOf(entity: Entity): string[] {
  const parsed = productSpec.safeParse(entity.spec);
  const ports = parsed.success ? parsed.data.outputPorts ?? [] : [];
  return [
    ...new Set(ports.map(p => p.contractId).filter((id): id is string => !!id)),
  ];
}
