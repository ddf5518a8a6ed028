import type { DescriptorIssue, ValidationResult } from '../types';
import { parseVersion, validateByVersion, VersionRules } from '../versions';
import { checkWithZod, describeValue, isObject } from '../validation';
import { dpdsDocumentSchema } from './schemas';

export const DPDS_V1_0_0: VersionRules = {
  version: '1.0.0',
  // DPDS objects are open, so a newer minor version needs no looser rules.
  check: (document: unknown): DescriptorIssue[] =>
    checkWithZod(dpdsDocumentSchema, document, 'DPDS 1.0.0'),
};

export const DPDS_RULES: VersionRules[] = [DPDS_V1_0_0];

const VERSION_FIELD = 'dataProductDescriptor';

function refuse(path: string, message: string): ValidationResult {
  return {
    standard: 'dpds',
    declaredVersion: '',
    valid: false,
    errors: [{ path, message }],
    warnings: [],
  };
}

/**
 * Validates a DPDS document by its declared version's rules; never throws. A pre-release
 * such as `1.0.0-DRAFT` is read by the version policy as its release (1.0.0); the draft's
 * own schema was stricter and named some fields differently (`contracts` for
 * `obligations`), so the document is accepted by the release's rules with a warning.
 */
export function validateDpds(document: unknown): ValidationResult {
  if (!isObject(document)) {
    return refuse(
      '',
      `expected a DPDS document (an object with dataProductDescriptor, info and interfaceComponents), got ${describeValue(
        document,
      )}`,
    );
  }
  const declared = document[VERSION_FIELD];
  if (typeof declared !== 'string' && typeof declared !== 'number') {
    return refuse(
      VERSION_FIELD,
      declared === undefined
        ? 'required: expected a version such as 1.0.0'
        : `expected a version such as 1.0.0, got ${describeValue(declared)}`,
    );
  }
  const version = String(declared);
  const result = validateByVersion(
    'dpds',
    version,
    VERSION_FIELD,
    DPDS_RULES,
    document,
  );
  const release = parseVersion(version)?.join('.');
  if (result.validatedAs && release && /[-+]/.test(version)) {
    result.warnings.push({
      path: VERSION_FIELD,
      message: `version ${version} is a pre-release of ${release}; checked by the rules of ${result.validatedAs}, update ${VERSION_FIELD} to ${release}`,
    });
  }
  return result;
}
