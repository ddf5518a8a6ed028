import { parseEntityRef } from '@backstage/catalog-model';

/**
 * A ref in the one form the store keys by: `kind:namespace/name`, lower case, as the catalog
 * compares refs. `brokerage` with default kind `domain` gives `domain:default/brokerage`;
 * undefined when the value is no ref at all.
 */
export function canonicalRef(
  value: unknown,
  defaultKind?: string,
): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  try {
    const ref = parseEntityRef(value.trim(), {
      defaultKind,
      defaultNamespace: 'default',
    });
    return `${ref.kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase(
      'en-US',
    );
  } catch {
    return undefined;
  }
}
