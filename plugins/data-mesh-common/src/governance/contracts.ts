import type { Entity } from '@backstage/catalog-model';
import type { DataContractSummary } from '../descriptors/entities';
import { readDescriptor } from '../descriptors/readDescriptor';
import type { OutputPort } from '../kinds/DataProductEntityV1alpha1';
import { toRef } from './refs';
import type { GovernanceContext } from './types';

const summaries = new WeakMap<Entity, DataContractSummary | null>();

function isSummary(value: unknown): value is DataContractSummary {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as DataContractSummary).objects)
  );
}

/**
 * What a contract API entity's definition says, in the shape shared by every standard.
 * The catalog module keeps readDescriptor's reading of the definition in
 * `spec.dataContract`; only an API entity without one (registered by hand) has its
 * definition read here, once per entity: at ~3 ms a contract, reading all of 10,000
 * definitions on every evaluation would take half a minute.
 */
export function contractSummaryOf(
  api: Entity,
): DataContractSummary | undefined {
  if (summaries.has(api)) {
    return summaries.get(api) ?? undefined;
  }
  let summary: DataContractSummary | undefined;
  const spec = api.spec ?? {};
  if (isSummary(spec.dataContract)) {
    summary = spec.dataContract;
  } else if (typeof spec.definition === 'string') {
    const read = readDescriptor(spec.definition);
    const converted = read.entities.find(e => e.kind === 'API')?.spec
      ?.dataContract;
    summary = isSummary(converted) ? converted : undefined;
  }
  summaries.set(api, summary ?? null);
  return summary;
}

/** One contract a product's output ports name, with the ports that name it. */
export interface ProductContract {
  ref: string;
  /** Indexes into spec.outputPorts. */
  ports: number[];
  entity?: Entity;
}

/** A port that is not a way to consume the data (an ODPS management port). */
export function isManagementPort(port: OutputPort): boolean {
  return port.details?.portKind === 'management';
}

/** The distinct contracts of a product's output ports, looked up in the context. */
export function productContracts(
  entity: Entity,
  context: GovernanceContext,
): ProductContract[] {
  const ports = (entity.spec?.outputPorts ?? []) as OutputPort[];
  const byRef = new Map<string, ProductContract>();
  ports.forEach((port, index) => {
    const ref = toRef(port.contract, { kind: 'api' });
    if (!ref || isManagementPort(port)) {
      return;
    }
    const known = byRef.get(ref);
    if (known) {
      known.ports.push(index);
    } else {
      byRef.set(ref, { ref, ports: [index], entity: context.getEntity(ref) });
    }
  });
  return [...byRef.values()];
}
