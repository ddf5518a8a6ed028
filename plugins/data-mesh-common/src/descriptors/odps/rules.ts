import type { z } from 'zod';
import type { DescriptorIssue, ValidationResult } from '../types';
import {
  parseVersion,
  RuleOptions,
  validateByVersion,
  VersionRules,
} from '../versions';
import { odpsDocumentSchema, OdpsRulesVersion } from './schemas';
import { checkWithZod, describeValue, isObject } from '../validation';

function odpsRules(version: OdpsRulesVersion): VersionRules {
  const schemas = new Map<boolean, z.ZodType>();
  return {
    version,
    check(document: unknown, options: RuleOptions): DescriptorIssue[] {
      let schema = schemas.get(options.allowUnknownFields);
      if (!schema) {
        schema = odpsDocumentSchema(version, options);
        schemas.set(options.allowUnknownFields, schema);
      }
      return checkWithZod(schema, document, `ODPS ${version}`);
    },
  };
}

export const ODPS_V0_9_0 = odpsRules('0.9.0');
export const ODPS_V1_0_0 = odpsRules('1.0.0');
export const ODPS_RULES: VersionRules[] = [ODPS_V0_9_0, ODPS_V1_0_0];

/**
 * Versions ODPS 1.0.0 reads besides its own: its schema lists `v0.9.0` in apiVersion's
 * values. Semver calls 0.9 and 1.0 different majors, so the suite's version policy does not
 * try a document declaring v0.9.0 against 1.0.0; the standard itself does, and some of its
 * official v0.9.0 examples follow 1.0.0 (a team object, tags on ports).
 */
const READ_BY_V1_0_0 = ['0.9.0'];

const MAX_ERRORS_IN_WARNING = 3;

/**
 * The ODPS-only step after the version policy: a document that declares v0.9.0, fails the
 * 0.9.0 rules and passes 1.0.0's is valid ODPS 1.0.0, accepted with a warning that says so.
 */
function acceptedAsV1(
  refused: ValidationResult,
  declared: string,
  document: unknown,
): ValidationResult | undefined {
  const version = parseVersion(declared)?.join('.');
  if (!version || !READ_BY_V1_0_0.includes(version)) {
    return undefined;
  }
  if (ODPS_V1_0_0.check(document, { allowUnknownFields: false }).length > 0) {
    return undefined;
  }
  const summary = refused.errors
    .slice(0, MAX_ERRORS_IN_WARNING)
    .map(i => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ');
  return {
    ...refused,
    valid: true,
    validatedAs: ODPS_V1_0_0.version,
    errors: [],
    warnings: [
      ...refused.warnings,
      {
        path: 'apiVersion',
        message: `declares ${declared} but follows the rules of ${ODPS_V1_0_0.version}, not ${version} (${summary}); ODPS ${ODPS_V1_0_0.version} reads it, update apiVersion to v${ODPS_V1_0_0.version}`,
      },
    ],
  };
}

function refuse(path: string, message: string): ValidationResult {
  return {
    standard: 'odps',
    declaredVersion: '',
    valid: false,
    errors: [{ path, message }],
    warnings: [],
  };
}

/** Validates an ODPS document by its declared version's rules; never throws. */
export function validateOdps(document: unknown): ValidationResult {
  if (!isObject(document)) {
    return refuse(
      '',
      `expected an ODPS document (an object with apiVersion and kind: DataProduct), got ${describeValue(
        document,
      )}`,
    );
  }
  const declared = document.apiVersion;
  if (typeof declared !== 'string') {
    return refuse(
      'apiVersion',
      declared === undefined
        ? 'required: expected a version such as v1.0.0'
        : `expected a version such as v1.0.0, got ${describeValue(declared)}`,
    );
  }
  const result = validateByVersion(
    'odps',
    declared,
    'apiVersion',
    ODPS_RULES,
    document,
  );
  return result.valid
    ? result
    : acceptedAsV1(result, declared, document) ?? result;
}
