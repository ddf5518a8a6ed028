import type { JsonObject, JsonValue } from '@backstage/types';
import type {
  DataProductEntityV1alpha1,
  ServiceLevel,
} from '../../kinds/DataProductEntityV1alpha1';
import { compact, link, nonEmpty } from '../conversion';
import { isObject } from '../validation';
import { inlinePart, obligationsOf } from './ports';
import type { DpdsObject } from './schemas';

type Spec = DataProductEntityV1alpha1['spec'];
type Link = NonNullable<ReturnType<typeof link>>;
type NamedPort = { name: string; port: DpdsObject };

const withoutExtensionPrefix = (key: string) => key.replace(/^x-/, '');

/**
 * Service levels from each output port's `obligations.sla`. DPDS leaves the SLA's shape to
 * the chosen specification; the common `custom` one groups values
 * (`x-operationalSla: {availability, responsetime}`), so values one or two levels deep are
 * read, each noted with its port and group.
 */
function serviceLevels(ports: NamedPort[]): ServiceLevel[] {
  return ports.flatMap(({ name, port }) => {
    const sla = inlinePart(obligationsOf(port), 'sla');
    const definition = sla?.definition;
    if (!isObject(definition)) {
      return [];
    }
    return Object.entries(definition).flatMap(([key, value]) => {
      const entries = isObject(value)
        ? Object.entries(value).map(([k, v]) => [k, v, key] as const)
        : [[key, value, undefined] as const];
      return entries.flatMap(([property, v, group]): ServiceLevel[] =>
        withoutExtensionPrefix(property) !== '' &&
        (typeof v === 'string' ||
          typeof v === 'number' ||
          typeof v === 'boolean')
          ? [
              {
                property: withoutExtensionPrefix(property),
                value: v,
                description: group
                  ? `output port ${name} (${withoutExtensionPrefix(group)})`
                  : `output port ${name}`,
              },
            ]
          : [],
      );
    });
  });
}

/** The one value all ports that state a service level agree on, else undefined. */
function agreed(levels: ServiceLevel[], property: string): string | undefined {
  const values = new Set(
    levels.filter(l => l.property === property).map(l => String(l.value)),
  );
  return values.size === 1 ? [...values][0] : undefined;
}

export function slaOf(ports: NamedPort[]): Spec['sla'] {
  const properties = serviceLevels(ports);
  if (properties.length === 0) {
    return undefined;
  }
  return compact({
    availability: agreed(properties, 'availability'),
    freshness: agreed(properties, 'freshness'),
    properties,
  });
}

/**
 * Usage from each output port: `expectations.usage` says how the port is meant to be used
 * (restrictions); `obligations` hold terms and conditions and the billing policy (terms,
 * by port).
 */
export function usageOf(ports: NamedPort[]): Spec['usage'] {
  const restrictions = ports
    .map(({ name, port }) => {
      const usage = inlinePart(inlinePart(port, 'expectations'), 'usage');
      const text = nonEmpty(usage?.description);
      return text ? `${name}: ${text}` : undefined;
    })
    .filter(Boolean)
    .join('\n');
  const terms: JsonObject = {};
  for (const { name, port } of ports) {
    const obligations = obligationsOf(port);
    const byPort = compact({
      termsAndConditions: obligations?.termsAndConditions as
        | JsonValue
        | undefined,
      billingPolicy: obligations?.billingPolicy as JsonValue | undefined,
    });
    if (Object.keys(byPort).length > 0) {
      terms[name] = byPort;
    }
  }
  const usage = compact({
    restrictions: restrictions || undefined,
    terms: Object.keys(terms).length > 0 ? terms : undefined,
  });
  return Object.keys(usage).length > 0 ? usage : undefined;
}

/** Links to each port's terms and conditions, when they are published. */
export function termsLinks(ports: NamedPort[]): Link[] {
  return ports
    .map(({ name, port }) => {
      const terms = inlinePart(obligationsOf(port), 'termsAndConditions');
      const docs = isObject(terms?.externalDocs) ? terms!.externalDocs : {};
      return link(docs.$href, `${name}: terms and conditions`);
    })
    .filter((l): l is Link => Boolean(l));
}
