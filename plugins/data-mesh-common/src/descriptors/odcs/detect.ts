import type { DetectedDescriptor } from '../types';
import { isRecord } from './shapes';
import { legacyVersionField } from './v2/version';

/** ODPS, the sibling Bitol standard, marks its documents with this kind. */
const ODPS_KIND = 'DataProduct';

/**
 * Recognises an ODCS document:
 * - `kind: DataContract`, whatever its apiVersion (ODCS v2 examples often have none);
 * - an ODCS v3 apiVersion (`v3.x.x`) with another kind but ODPS's: no other supported
 *   standard uses these versions, and "kind: expected DataContract" tells the author more
 *   than "not a supported standard" (ODCS's own negative tests use `kind: DataModel`);
 * - an ODCS v2.0/v2.1 document: `standardVersion`/`templateVersion` 2.x with a `dataset`.
 */
export function detectOdcs(document: unknown): DetectedDescriptor | undefined {
  if (!isRecord(document)) {
    return undefined;
  }
  const { kind, apiVersion } = document;
  const declared = typeof apiVersion === 'string' ? apiVersion : undefined;
  if (kind === 'DataContract') {
    return { standard: 'odcs', declaredVersion: declared ?? '' };
  }
  if (declared && /^v3\.\d+\.\d+$/.test(declared) && kind !== ODPS_KIND) {
    return { standard: 'odcs', declaredVersion: declared };
  }
  const legacyField = legacyVersionField(document);
  if (legacyField && 'dataset' in document) {
    return {
      standard: 'odcs',
      declaredVersion: String(document[legacyField]),
    };
  }
  return undefined;
}
