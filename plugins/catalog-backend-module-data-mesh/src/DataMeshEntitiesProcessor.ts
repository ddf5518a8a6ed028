import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_API_PROVIDED_BY,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  dataMeshDomainEntityV1alpha1Validator,
  dataProductEntityV1alpha1Validator,
  isDataProductEntity,
} from '@datamesh/plugin-data-mesh-common';

/**
 * Validates the suite's kinds (DataProduct, and the data-mesh flavour of Domain) and emits
 * a DataProduct's relations, each with its inverse as the built-in processor does:
 * ownedBy/ownerOf, partOf/hasPart (its domain), dependsOn/dependencyOf (its input ports'
 * upstream products: product-level lineage) and providesApi/apiProvidedBy (its contracts).
 * The data-mesh Domain's owner and parent relations come from the built-in processor, which
 * handles every `kind: Domain` whatever its apiVersion.
 */
export class DataMeshEntitiesProcessor implements CatalogProcessor {
  private readonly validators = [
    dataProductEntityV1alpha1Validator,
    dataMeshDomainEntityV1alpha1Validator,
  ];

  getProcessorName(): string {
    return 'DataMeshEntitiesProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    for (const validator of this.validators) {
      if (await validator.check(entity)) {
        return true;
      }
    }
    return false;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isDataProductEntity(entity)) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const emitPair = (
      target: string | undefined,
      defaultKind: string,
      outgoing: string,
      incoming: string,
    ) => {
      if (!target) {
        return;
      }
      const ref = parseEntityRef(target, {
        defaultKind,
        defaultNamespace: self.namespace,
      });
      const other = {
        kind: ref.kind,
        namespace: ref.namespace,
        name: ref.name,
      };
      emit(
        processingResult.relation({
          source: self,
          type: outgoing,
          target: other,
        }),
      );
      emit(
        processingResult.relation({
          source: other,
          type: incoming,
          target: self,
        }),
      );
    };

    const { spec } = entity;
    emitPair(spec.owner, 'Group', RELATION_OWNED_BY, RELATION_OWNER_OF);
    emitPair(spec.domain, 'Domain', RELATION_PART_OF, RELATION_HAS_PART);
    for (const port of spec.inputPorts ?? []) {
      emitPair(
        port.dataProduct,
        'DataProduct',
        RELATION_DEPENDS_ON,
        RELATION_DEPENDENCY_OF,
      );
    }
    for (const port of spec.outputPorts ?? []) {
      emitPair(
        port.contract,
        'API',
        RELATION_PROVIDES_API,
        RELATION_API_PROVIDED_BY,
      );
    }
    return entity;
  }
}
