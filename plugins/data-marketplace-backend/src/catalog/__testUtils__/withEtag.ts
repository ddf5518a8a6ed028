import type { Entity } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';

/**
 * An entity as the catalog serves it: with an etag that changes whenever the entity does
 * (the catalog's is a hash of the stitched entity).
 */
export function withEtag(entity: Entity): Entity {
  const etag = createHash('sha256')
    .update(JSON.stringify(entity))
    .digest('hex');
  return { ...entity, metadata: { ...entity.metadata, etag } };
}
