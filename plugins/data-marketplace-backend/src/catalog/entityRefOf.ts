import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';

/**
 * An entity's ref in the one form this plugin keys by: lower case, as the catalog compares
 * refs (the form `canonicalRef` gives a ref written by hand).
 */
export function entityRefOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}
