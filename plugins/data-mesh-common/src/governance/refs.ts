import { Entity, parseEntityRef } from '@backstage/catalog-model';

// Entity refs as descriptors and configs write them (`brokerage`, `domain:brokerage`,
// `domain:default/brokerage`, any case) compared in one form: `kind:namespace/name`,
// lowercase, as the catalog compares them.

/** The full, lowercase ref; undefined when the value cannot be read as a ref. */
export function toRef(
  value: unknown,
  defaults: { kind?: string; namespace?: string } = {},
): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  try {
    const ref = parseEntityRef(value.trim(), {
      defaultKind: defaults.kind,
      defaultNamespace: defaults.namespace ?? 'default',
    });
    return `${ref.kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase(
      'en-US',
    );
  } catch {
    return undefined;
  }
}

/** The entity's own ref, lowercase. */
export function refOf(entity: Entity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLocaleLowerCase('en-US');
}

/** The kind part of a full ref (`group` of `group:default/x`). */
export function kindOfRef(ref: string): string {
  return ref.slice(0, ref.indexOf(':'));
}

/**
 * Whether a field's value names the same entity as a value written in a rule: a rule may
 * write `brokerage` for the product's `domain:default/brokerage`.
 */
export function sameRef(actual: string, written: string): boolean {
  const full = toRef(actual);
  if (!full) {
    return false;
  }
  const [kind, rest] = [kindOfRef(full), full.slice(full.indexOf(':') + 1)];
  const namespace = rest.slice(0, rest.indexOf('/'));
  return toRef(written, { kind, namespace }) === full;
}
