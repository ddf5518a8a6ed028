import {
  Entity,
  parseEntityRef,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  DATA_CONTRACT_API_TYPE,
  type DataContractSummary,
} from '@datamesh/plugin-data-mesh-common';
import { parseContractDefinition, ParsedContract } from './contracts';
import { outputPorts, productSpec } from './dataProduct';
import { asRecord, asText } from './values';

/**
 * The refs of a product's contract APIs: its providesApi relations, and the contracts its
 * output ports name (so a product whose relations are not stitched yet still shows them).
 */
export function contractRefs(product: Entity): string[] {
  const refs = new Set<string>();
  for (const relation of product.relations ?? []) {
    if (relation.type === RELATION_PROVIDES_API) {
      refs.add(relation.targetRef);
    }
  }
  for (const port of outputPorts(product)) {
    const contract = asText(port.contract);
    if (!contract) {
      continue;
    }
    try {
      refs.add(
        stringifyEntityRef(
          parseEntityRef(contract, {
            defaultKind: 'api',
            defaultNamespace: product.metadata.namespace,
          }),
        ),
      );
    } catch {
      // A malformed ref in a descriptor: the output ports card shows it as written.
    }
  }
  return [...refs];
}

export function isDataContractApi(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'api' &&
    asRecord(entity.spec)?.type === DATA_CONTRACT_API_TYPE
  );
}

/**
 * A contract API entity read for display: its definition parsed with data-mesh-common's
 * reader; the summary the catalog module stored when the entity has no definition.
 */
export function readContractApi(api: Entity, product?: Entity): ParsedContract {
  const spec = asRecord(api.spec) ?? {};
  const definition = spec.definition;
  if (typeof definition === 'string' && definition.trim() !== '') {
    return parseContractDefinition(definition, {
      defaultOwner: asText(spec.owner),
      defaultDomain: product ? asText(productSpec(product).domain) : undefined,
    });
  }
  const stored = asRecord(spec.dataContract);
  if (stored) {
    return {
      ok: true,
      summary: stored as unknown as DataContractSummary,
      warnings: [],
    };
  }
  return {
    ok: false,
    errors: [{ path: 'spec.definition', message: 'the API has no definition' }],
  };
}
