import type { Entity } from '@backstage/catalog-model';
import type { GovernanceContext } from '@datamesh/plugin-data-mesh-common';
import { canonicalRef } from './refs';

/**
 * A governance context over the entities loaded so far that writes down every ref the rules
 * ask for: what a product's result depends on. A ref asked for but not loaded is `missing`:
 * the caller loads it and evaluates again, or, when the catalog does not have it, the
 * product depends on its absence.
 */
export class RecordingContext implements GovernanceContext {
  readonly asked = new Set<string>();
  readonly missing = new Set<string>();

  constructor(private readonly loaded: Map<string, Entity | null>) {}

  getEntity(ref: string): Entity | undefined {
    const key = canonicalRef(ref);
    if (!key) {
      return undefined;
    }
    this.asked.add(key);
    const entity = this.loaded.get(key);
    if (entity === undefined) {
      this.missing.add(key);
    }
    return entity ?? undefined;
  }

  /** The refs asked for, sorted, so that the same inputs give the same digest. */
  dependsOn(ownRef: string): string[] {
    return [...this.asked].filter(ref => ref !== ownRef).sort();
  }
}
