import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  isDataProductEntity,
  type DataProductEntityV1alpha1,
} from '@datamesh/plugin-data-mesh-common';
import { normalizeEntityRef } from './entityRefs';

/**
 * The data product from the catalog, read with the caller's credentials: a product the
 * caller may not see in the catalog does not exist for them here either (404).
 */
export async function loadDataProduct(
  catalog: CatalogService,
  ref: string,
  credentials: BackstageCredentials,
): Promise<DataProductEntityV1alpha1> {
  const entity = await catalog.getEntityByRef(ref, { credentials });
  if (!entity || !isDataProductEntity(entity)) {
    throw new NotFoundError(`No data product ${ref} in the catalog`);
  }
  return entity;
}

/** Throws InputError (400) unless the product has an output port of that name. */
export function assertOutputPort(
  product: DataProductEntityV1alpha1,
  port: string,
): void {
  const names = (product.spec.outputPorts ?? []).map(p => p.name);
  if (!names.includes(port)) {
    throw new InputError(
      `outputPort: '${port}' is not an output port of ${
        product.metadata.name
      }; ${names.length ? `its ports are ${names.join(', ')}` : 'it has none'}`,
    );
  }
}

/**
 * The product's owners as full entity refs: the catalog's ownedBy relations when it has
 * emitted them, else spec.owner read the way the catalog reads it (a group by default).
 */
export function ownersOf(product: DataProductEntityV1alpha1): string[] {
  const related = (product.relations ?? [])
    .filter(relation => relation.type === RELATION_OWNED_BY)
    .map(relation => normalizeEntityRef(relation.targetRef));
  if (related.length > 0) {
    return [...new Set(related)];
  }
  return [
    normalizeEntityRef(product.spec.owner, {
      defaultKind: 'group',
      defaultNamespace: product.metadata.namespace ?? 'default',
    }),
  ];
}
