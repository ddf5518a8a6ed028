import type { Entity } from '@backstage/catalog-model';
import { refOf, toRef } from './refs';
import type { GovernanceContext } from './types';

/**
 * An in-memory index of catalog entities for the rules to look up, built once: the CLI
 * builds it from the files it was given, the scaffolder action from the catalog and the
 * workspace, a backend from its periodic read of the catalog. A later entity with the same
 * ref replaces an earlier one, so a workspace's own files win over the catalog's copy.
 */
export function createGovernanceContext(
  entities: Iterable<Entity>,
): GovernanceContext & { size: number } {
  const byRef = new Map<string, Entity>();
  for (const entity of entities) {
    if (entity?.kind && entity.metadata?.name) {
      byRef.set(refOf(entity), entity);
    }
  }
  return {
    size: byRef.size,
    getEntity(ref: string) {
      const key = toRef(ref);
      return key ? byRef.get(key) : undefined;
    },
  };
}
