import { parseEntityRef } from '@backstage/catalog-model';

/**
 * An entity ref in the one spelling the metrics key by: `kind:namespace/name`, lower case,
 * since Backstage compares refs case-insensitively and each source spells them its own way
 * (a template parameter `tenancy-analytics`, the catalog `DataProduct:default/...`).
 * Undefined when the value is not a ref.
 */
export function metricsRef(
  value: unknown,
  defaults: { defaultKind?: string; defaultNamespace?: string } = {},
): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  try {
    const ref = parseEntityRef(value.trim(), {
      defaultKind: defaults.defaultKind,
      defaultNamespace: defaults.defaultNamespace ?? 'default',
    });
    return `${ref.kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase(
      'en-US',
    );
  } catch {
    return undefined;
  }
}
