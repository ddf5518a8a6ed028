import type { Entity } from '@backstage/catalog-model';
import type { OutputPort } from '@datamesh/plugin-data-mesh-common';

/**
 * The output ports of a DataProduct entity. The entity comes from the catalog, where a
 * descriptor may have been translated imperfectly, so anything without a name is left out
 * rather than trusted.
 */
export function outputPortsOf(entity: Entity): OutputPort[] {
  const ports = (entity.spec as { outputPorts?: unknown } | undefined)
    ?.outputPorts;
  if (!Array.isArray(ports)) {
    return [];
  }
  return ports.filter(
    (port): port is OutputPort =>
      typeof port === 'object' &&
      port !== null &&
      typeof (port as OutputPort).name === 'string' &&
      (port as OutputPort).name.length > 0,
  );
}
