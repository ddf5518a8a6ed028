import type { DetectedDescriptor } from '../types';
import { DCS_MARKER } from './features';

/** A YAML mapping (not a list, not null). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Recognises a Data Contract Specification document by its top-level
 * `dataContractSpecification`. ODPS and ODCS documents (`apiVersion` + `kind`) and DPDS
 * documents (`dataProductDescriptor`) do not have it.
 */
export function detectDcs(document: unknown): DetectedDescriptor | undefined {
  if (!isMapping(document) || !Object.hasOwn(document, DCS_MARKER)) {
    return undefined;
  }
  const marker = document[DCS_MARKER];
  // A version written as a number (`1.2`) is still this standard's marker; validation says
  // it must be text.
  const declaredVersion =
    typeof marker === 'string' || typeof marker === 'number'
      ? String(marker)
      : '';
  return { standard: 'dcs', declaredVersion };
}
