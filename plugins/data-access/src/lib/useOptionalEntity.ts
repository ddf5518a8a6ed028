import type { Entity } from '@backstage/catalog-model';
import { useAsyncEntity } from '@backstage/plugin-catalog-react';

/**
 * The entity of the surrounding entity page, or undefined outside of one. `useEntity`
 * throws outside an entity page; `useAsyncEntity` reads the same context after its only
 * hook call, so catching its error keeps hook order stable.
 */
export function useOptionalEntity(): Entity | undefined {
  try {
    return useAsyncEntity().entity;
  } catch {
    return undefined;
  }
}
