import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { AccessRequestFilter } from '../database/AccessRequestStore';
import type { AccessRequestQuery } from './resourceRef';

/** What the store can filter on: requests a set of refs may see, or all of them. */
export type StoreVisibility = NonNullable<AccessRequestFilter['visibleTo']>;

/**
 * The narrowest filter the store can run that still holds every request the criteria admit,
 * or `nothing` when the criteria admit no request at all.
 *
 * The store's `visibleTo: { refs }` keeps requests whose requester or one of whose owners is
 * in `refs`, so each rule (`requesterIn`, `productOwnerIn`) is bounded by its claims. That
 * bound is exact for the policy part's read rule (requester or owner, same claims) and wider
 * for other shapes; the service then checks each row with the rules' `apply`, so a list never
 * shows more than the policy allows, whatever shape a portal's policy takes.
 */
export function storeVisibilityOf(
  criteria: PermissionCriteria<AccessRequestQuery>,
): StoreVisibility | 'nothing' {
  if ('not' in criteria) {
    // The complement of a set of refs is not a set of refs: only the row check can apply it.
    return { all: true };
  }
  if ('anyOf' in criteria) {
    const bounds = criteria.anyOf
      .map(storeVisibilityOf)
      .filter(bound => bound !== 'nothing');
    if (bounds.length === 0) {
      return 'nothing';
    }
    if (bounds.some(bound => 'all' in bound)) {
      return { all: true };
    }
    return { refs: unique(bounds.flatMap(bound => refsOf(bound))) };
  }
  if ('allOf' in criteria) {
    const bounds = criteria.allOf.map(storeVisibilityOf);
    if (bounds.includes('nothing')) {
      return 'nothing';
    }
    // Any one term bounds the conjunction; the store runs the narrowest.
    const narrowest = (bounds as StoreVisibility[])
      .filter(bound => 'refs' in bound)
      .sort((a, b) => refsOf(a).length - refsOf(b).length)[0];
    return narrowest ?? { all: true };
  }
  const claims =
    'requesterIn' in criteria ? criteria.requesterIn : criteria.productOwnerIn;
  return claims.length === 0 ? 'nothing' : { refs: unique(claims) };
}

function refsOf(bound: StoreVisibility): string[] {
  return 'refs' in bound ? bound.refs : [];
}

function unique(refs: string[]): string[] {
  return [...new Set(refs)];
}
