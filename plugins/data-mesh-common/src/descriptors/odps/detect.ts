import type { DetectedDescriptor } from '../types';
import { isObject } from '../validation';

/**
 * ODPS's marker: `kind: DataProduct` with a semantic version as apiVersion (`v1.0.0`). The
 * suite's own kind has the same `kind` but a Kubernetes-style apiVersion
 * (`datamesh/v1alpha1`), which is not a semantic version and so is not ODPS.
 */
const SEMANTIC_API_VERSION = /^v?\d+\.\d+(?:\.\d+)?(?:[-+].*)?$/;

export function detectOdps(document: unknown): DetectedDescriptor | undefined {
  if (
    !isObject(document) ||
    document.kind !== 'DataProduct' ||
    typeof document.apiVersion !== 'string' ||
    !SEMANTIC_API_VERSION.test(document.apiVersion.trim())
  ) {
    return undefined;
  }
  return { standard: 'odps', declaredVersion: document.apiVersion };
}
