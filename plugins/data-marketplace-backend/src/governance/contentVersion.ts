import type { Entity } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';

/**
 * A version of what an evaluation reads of an entity: a digest of the fields read, without
 * the catalog's etag (which also changes with relations, that rules never read).
 */
export function contentVersion(entity: Entity): string {
  const { etag: _etag, ...metadata } = entity.metadata;
  return createHash('sha256')
    .update(JSON.stringify({ ...entity, metadata }))
    .digest('hex');
}
