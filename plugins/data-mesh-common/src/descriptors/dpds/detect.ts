import type { DetectedDescriptor } from '../types';
import { isObject } from '../validation';

/**
 * DPDS's marker: a top-level `dataProductDescriptor` (the specification's version). The
 * files a descriptor references with `$ref` (ports, applications, infrastructure) have no
 * marker, so they are not taken for descriptors.
 */
export function detectDpds(document: unknown): DetectedDescriptor | undefined {
  if (!isObject(document) || !('dataProductDescriptor' in document)) {
    return undefined;
  }
  const version = document.dataProductDescriptor;
  return {
    standard: 'dpds',
    // YAML reads `dataProductDescriptor: 1.0` as a number; validation says it must be text.
    declaredVersion:
      typeof version === 'string' || typeof version === 'number'
        ? String(version)
        : '',
  };
}
