import type { Entity } from '@backstage/catalog-model';

/** The entity's lifecycle, lowercase ('' when none). */
export function lifecycleOf(entity: Entity | undefined): string {
  const lifecycle = entity?.spec?.lifecycle;
  return typeof lifecycle === 'string'
    ? lifecycle.toLocaleLowerCase('en-US')
    : '';
}

export const isKind = (entity: Entity | undefined, kind: string) =>
  entity?.kind.toLocaleLowerCase('en-US') === kind;
