import { entityKindSchemaValidator, Entity } from '@backstage/catalog-model';
import {
  DataMeshDomainEntityV1alpha1,
  DataProductEntityV1alpha1,
} from './DataProductEntityV1alpha1';
import {
  DATA_PRODUCT_KIND,
  DATAMESH_API_VERSION,
  DOMAIN_KIND,
} from './constants';
import {
  dataMeshDomainEntitySchema,
  dataProductEntitySchema,
} from './dataProductSchema';

/**
 * A validator in the shape of the catalog's KindValidator: true when the entity is of this
 * kind and valid, false when it is another kind, and a TypeError naming the field otherwise.
 */
export interface DataMeshKindValidator {
  check(entity: Entity): Promise<boolean>;
}

function kindValidator(schema: unknown): DataMeshKindValidator {
  const validate = entityKindSchemaValidator(schema);
  return {
    async check(entity: Entity) {
      return validate(entity) !== false;
    },
  };
}

export const dataProductEntityV1alpha1Validator = kindValidator(
  dataProductEntitySchema,
);
export const dataMeshDomainEntityV1alpha1Validator = kindValidator(
  dataMeshDomainEntitySchema,
);

export function isDataProductEntity(
  entity: Entity,
): entity is DataProductEntityV1alpha1 {
  return (
    entity.apiVersion === DATAMESH_API_VERSION &&
    entity.kind.toLocaleLowerCase('en-US') ===
      DATA_PRODUCT_KIND.toLocaleLowerCase('en-US')
  );
}

export function isDataMeshDomainEntity(
  entity: Entity,
): entity is DataMeshDomainEntityV1alpha1 {
  return (
    entity.apiVersion === DATAMESH_API_VERSION &&
    entity.kind.toLocaleLowerCase('en-US') ===
      DOMAIN_KIND.toLocaleLowerCase('en-US')
  );
}
