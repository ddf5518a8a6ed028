import { parseVersion } from '../../versions';
import { isRecord } from '../shapes';

/**
 * ODCS v2 ("legacy"): a `dataset` of tables with `columns`, identified by a `uuid`. Its
 * examples often state no apiVersion at all; v2.0/v2.1 named the version `standardVersion` or
 * `templateVersion`.
 */

/** The v2.0/v2.1 field that states a 2.x version, if the document has one. */
export function legacyVersionField(
  document: Record<string, unknown>,
): 'standardVersion' | 'templateVersion' | undefined {
  for (const field of ['standardVersion', 'templateVersion'] as const) {
    const value = document[field];
    if (typeof value === 'string' && /^v?2\./.test(value)) {
      return field;
    }
  }
  return undefined;
}

/** Fields only ODCS v2 documents have. */
function hasV2Fields(document: Record<string, unknown>): boolean {
  return ['dataset', 'uuid', 'quantumName', 'datasetName'].some(
    field => field in document,
  );
}

export interface V2Version {
  /** Where the version is stated: `apiVersion`, a v2.0/v2.1 field, or '' when nowhere. */
  field: string;
  /** As written; '' when the document states none. */
  version: string;
}

/** How an ODCS v2 document states its version; undefined for any other document. */
export function v2VersionOf(document: unknown): V2Version | undefined {
  if (!isRecord(document)) {
    return undefined;
  }
  const { apiVersion } = document;
  if (typeof apiVersion === 'string') {
    return parseVersion(apiVersion)?.[0] === 2
      ? { field: 'apiVersion', version: apiVersion }
      : undefined;
  }
  if (apiVersion !== undefined) {
    return undefined;
  }
  const legacy = legacyVersionField(document);
  if (legacy) {
    return { field: legacy, version: String(document[legacy]) };
  }
  return hasV2Fields(document) ? { field: '', version: '' } : undefined;
}
