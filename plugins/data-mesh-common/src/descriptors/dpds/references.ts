import { isObject } from '../validation';
import type { DpdsObject } from './schemas';

/** A component as written: inline, a reference inside the document, or to another file. */
export type ResolvedComponent =
  | { inline: DpdsObject; ref?: string }
  | { inline?: undefined; ref: string };

/** References to references are followed this far, which also ends a loop. */
const MAX_REFERENCE_HOPS = 5;

function unescapeStep(step: string): string {
  let decoded = step;
  try {
    decoded = decodeURIComponent(step);
  } catch {
    // A stray `%` is read as written.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `#/components/outputPorts/tripStatus` → the object it points at in the document. */
function pointTo(document: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map(unescapeStep)
    .reduce<unknown>(
      (node, step) =>
        isObject(node) && Object.prototype.hasOwnProperty.call(node, step)
          ? node[step]
          : undefined,
      document,
    );
}

/**
 * A component with its references inside the document followed (`#/components/...`).
 * References to other files are kept as they are: the suite never fetches what a
 * descriptor points at.
 */
export function resolveComponent(
  document: unknown,
  item: DpdsObject,
): ResolvedComponent {
  let current: DpdsObject = item;
  let firstRef: string | undefined;
  for (let hop = 0; hop < MAX_REFERENCE_HOPS; hop += 1) {
    const ref = current.$ref;
    if (typeof ref !== 'string') {
      return { inline: current, ref: firstRef };
    }
    firstRef = firstRef ?? ref;
    if (!ref.startsWith('#')) {
      return { ref };
    }
    const target = pointTo(document, ref);
    if (!isObject(target)) {
      return { ref };
    }
    current = target;
  }
  return { ref: firstRef! };
}

/** A name for a referenced component: `ports/trip-status-oport.json` → `trip-status-oport`. */
export function nameFromRef(ref: string): string {
  const last = ref.split(/[/#]/).filter(Boolean).pop();
  return last?.replace(/\.(json|ya?ml)$/i, '') || 'component';
}

/**
 * Where a reference points, as an address: relative paths are resolved against the
 * descriptor's own URL when it was read from one (`url:https://...`), else kept as written.
 */
export function refAddress(ref: string, sourceLocation?: string): string {
  const base = sourceLocation?.startsWith('url:')
    ? sourceLocation.slice('url:'.length)
    : undefined;
  if (!base || ref.startsWith('#')) {
    return ref;
  }
  try {
    return new URL(ref, base).toString();
  } catch {
    return ref;
  }
}
