import {
  Entity,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  DATA_PRODUCT_KIND,
  RELATION_DATA_PRODUCT_CONSUMED_BY,
} from '@datamesh/plugin-data-mesh-common';
import { productSpec } from '../../lib/dataProduct';
import { asList, asRecord, asText } from '../../lib/values';

const PRODUCT_KIND = DATA_PRODUCT_KIND.toLocaleLowerCase('en-US');

function isProductRef(ref: string): boolean {
  return parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === PRODUCT_KIND;
}

function relationTargets(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => relation.targetRef);
}

export type Lineage = {
  /** Products this one reads (dependsOn), and those its input ports name. */
  upstream: string[];
  /** Products that read this one (dependencyOf). */
  downstream: string[];
  /** Input ports that read something outside the mesh. */
  sources: Array<{ name: string; source: string; description?: string }>;
  /** Who was granted access (dataProductConsumedBy). */
  consumers: string[];
};

/** Product-level lineage from the entity's relations and input ports. */
export function lineageOf(entity: Entity): Lineage {
  const upstream = new Set(
    relationTargets(entity, RELATION_DEPENDS_ON).filter(isProductRef),
  );
  const sources: Lineage['sources'] = [];
  for (const port of asList(productSpec(entity).inputPorts)) {
    const record = asRecord(port);
    const dataProduct = asText(record?.dataProduct);
    if (dataProduct) {
      try {
        upstream.add(
          stringifyEntityRef(
            parseEntityRef(dataProduct, {
              defaultKind: PRODUCT_KIND,
              defaultNamespace: entity.metadata.namespace,
            }),
          ),
        );
      } catch {
        // A malformed ref cannot be linked; the catalog reports it on the entity.
      }
    }
    const source = asText(record?.source);
    if (source) {
      sources.push({
        name: asText(record?.name) ?? source,
        source,
        description: asText(record?.description),
      });
    }
  }
  return {
    upstream: [...upstream],
    downstream: relationTargets(entity, RELATION_DEPENDENCY_OF).filter(
      isProductRef,
    ),
    sources,
    consumers: relationTargets(entity, RELATION_DATA_PRODUCT_CONSUMED_BY),
  };
}
