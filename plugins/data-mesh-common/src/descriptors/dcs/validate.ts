import type { ValidationResult } from '../types';
import { validateByVersion } from '../versions';
import { describeValue } from './messages';
import { DCS_MARKER, DCS_VERSIONS } from './features';
import { detectDcs, isMapping } from './detect';
import { dcsRules } from './rules';
import { structureIssue } from '../structure';

const NEWEST = DCS_VERSIONS[DCS_VERSIONS.length - 1];

/**
 * Validates a Data Contract Specification document by the rules of the version it declares
 * (with the suite's version policy, see versions.ts). Never throws: any JSON value gets a
 * verdict.
 */
export function validateDcs(document: unknown): ValidationResult {
  const declaredVersion = detectDcs(document)?.declaredVersion ?? '';
  const refused = (path: string, message: string): ValidationResult => ({
    standard: 'dcs',
    declaredVersion,
    valid: false,
    errors: [{ path, message }],
    warnings: [],
  });

  if (!isMapping(document)) {
    return refused(
      '',
      `expected a data contract: a mapping with ${DCS_MARKER}, id and info, got ${describeValue(
        document,
      )}`,
    );
  }
  const marker = document[DCS_MARKER];
  if (typeof marker !== 'string') {
    return refused(
      DCS_MARKER,
      marker === undefined
        ? `required, expected a version such as "${NEWEST}"`
        : `expected a version written as text, such as "${NEWEST}", got ${describeValue(
            marker,
          )}`,
    );
  }
  const structure = structureIssue(document);
  if (structure) {
    return refused(structure.path, structure.message);
  }
  return validateByVersion('dcs', marker, DCS_MARKER, dcsRules, document);
}
