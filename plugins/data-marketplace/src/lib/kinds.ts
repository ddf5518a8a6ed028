import type { Entity } from '@backstage/catalog-model';
import {
  DATA_PRODUCT_KIND,
  DOMAIN_KIND,
} from '@datamesh/plugin-data-mesh-common';

/**
 * For the app's EntitySwitch: any `kind: DataProduct`, whatever its apiVersion (the same test
 * as plugin-catalog's `isKind('dataproduct')`).
 */
export function isDataProductKind(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') ===
    DATA_PRODUCT_KIND.toLocaleLowerCase('en-US')
  );
}

/** For the app's EntitySwitch: the built-in Domain and the data-mesh Domain alike. */
export function isDomainKind(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') ===
    DOMAIN_KIND.toLocaleLowerCase('en-US')
  );
}
