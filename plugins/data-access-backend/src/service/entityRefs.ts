import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Entity refs compare case-insensitively in Backstage; the plugin stores and compares them
 * in one spelling (lower case, full `kind:namespace/name`) so that filters in the database
 * match whatever spelling a token, a descriptor or a body used.
 */
export function normalizeEntityRef(
  ref: string,
  context?: { defaultKind?: string; defaultNamespace?: string },
): string {
  return stringifyEntityRef(parseEntityRef(ref, context)).toLocaleLowerCase(
    'en-US',
  );
}
