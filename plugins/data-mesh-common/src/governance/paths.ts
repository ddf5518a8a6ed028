// Dotted paths into an entity, as rules and selectors name fields: `spec.description.purpose`,
// `metadata.annotations.datamesh/descriptor-standard`, and `spec.outputPorts[].name` for
// every item of a list.

/** A field found at a path, with the concrete path (list indexes filled in). */
export interface FieldValue {
  path: string;
  value: unknown;
}

/** What a rule's field path may look like: dotted names, `[]` after a list. */
export const FIELD_PATH_PATTERN = /^[^.[\]\s]+(\[\])?(\.[^.[\]\s]+(\[\])?)*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The values at a path. Annotation and label keys hold dots (`backstage.io/source-location`),
 * so at each step the longest run of segments that is a key of the object wins.
 */
export function valuesAt(root: unknown, path: string): FieldValue[] {
  const segments = path.split('.');
  const found: FieldValue[] = [];
  const walk = (value: unknown, index: number, at: string) => {
    if (index === segments.length) {
      found.push({ path: at, value });
      return;
    }
    if (!isRecord(value)) {
      found.push({ path: [at, ...segments.slice(index)].join('.'), value });
      return;
    }
    for (let end = segments.length; end > index; end--) {
      const joined = segments.slice(index, end).join('.');
      const each = joined.endsWith('[]');
      const key = each ? joined.slice(0, -2) : joined;
      const own = Object.prototype.hasOwnProperty.call(value, key);
      if (end > index + 1 && !own) {
        continue;
      }
      const next = at ? `${at}.${key}` : key;
      const child = own ? value[key] : undefined;
      if (each && Array.isArray(child)) {
        child.forEach((item, i) => walk(item, end, `${next}[${i}]`));
      } else {
        walk(each ? undefined : child, end, next);
      }
      return;
    }
  };
  walk(root, 0, '');
  return found;
}

/** The single value at a path without `[]`, or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  return valuesAt(root, path)[0]?.value;
}

/**
 * Whether a field counts as filled in: not absent, not blank text, not an empty list or
 * object. The converters write `unknown` when a descriptor names no owner or domain, which
 * is a placeholder and not an answer.
 */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) {
    return true;
  }
  if (typeof value === 'string') {
    return value.trim() === '' || value === 'unknown';
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  if (isRecord(value)) {
    return Object.keys(value).length === 0;
  }
  return false;
}
