import type { DescriptorIssue, ValidationResult } from '../types';
import { validateByVersion } from '../versions';
import { ODCS_VERSIONS, OdcsVersion, since } from './features';
import { describeValue } from './messages';
import { odcsV3Rules } from './rules';
import { odcsV2Rules } from './v2/rules';
import { V2Version, v2VersionOf } from './v2/version';
import { isRecord } from './shapes';

/**
 * Deeper than any real contract (objects, properties, items, quality checks nest a dozen
 * levels at most); checking deeper would only risk the stack on a hostile document.
 */
const MAX_DEPTH = 64;

function depthExceeds(value: unknown, limit: number): boolean {
  if (limit < 0) {
    return true;
  }
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some(child => depthExceeds(child, limit - 1));
}

const SUPPORTED = `ODCS v3 (${ODCS_VERSIONS.map(v => `v${v}`).join(', ')})`;

function refused(
  declaredVersion: string,
  errors: DescriptorIssue[],
): ValidationResult {
  return {
    standard: 'odcs',
    declaredVersion,
    valid: false,
    errors,
    warnings: [],
  };
}

/** Warnings for what the version the document passed deprecates. */
function deprecations(
  document: Record<string, unknown>,
  validatedAs = '',
): DescriptorIssue[] {
  const warnings: DescriptorIssue[] = [];
  if (
    !ODCS_VERSIONS.includes(validatedAs as OdcsVersion) ||
    !since(validatedAs as OdcsVersion, '3.1.0')
  ) {
    return warnings;
  }
  if (Array.isArray(document.team)) {
    warnings.push({
      path: 'team',
      message:
        'a list of team members is deprecated since ODCS v3.1.0: write team as an object with a name and members',
    });
  }
  if (document.slaDefaultElement !== undefined) {
    warnings.push({
      path: 'slaDefaultElement',
      message:
        'deprecated since ODCS v3.1.0: name the element on each SLA property instead',
    });
  }
  return warnings;
}

/** The last ODCS v2 version: the rules for v2 documents that state no apiVersion. */
const LAST_V2 = '2.2.2';

/**
 * ODCS v2 (legacy): checked by its own rules and read into the same summary as v3, with a
 * warning that v3 is the format the suite is built for.
 */
function validateV2(
  document: Record<string, unknown>,
  v2: V2Version,
): ValidationResult {
  let result: ValidationResult;
  if (v2.field === 'apiVersion') {
    result = validateByVersion(
      'odcs',
      v2.version,
      'apiVersion',
      odcsV2Rules,
      document,
    );
  } else {
    // No apiVersion: the examples of v2.2.2 state none, v2.0/v2.1 used other fields.
    const rules = odcsV2Rules.find(r => r.version === LAST_V2)!;
    const errors = rules.check(document, { allowUnknownFields: false });
    result = {
      standard: 'odcs',
      declaredVersion: v2.version,
      validatedAs: LAST_V2,
      valid: errors.length === 0,
      errors,
      warnings: [
        {
          path: v2.field || 'apiVersion',
          message: v2.field
            ? `how ODCS v2.0/v2.1 stated the version (${v2.version}); checked by the rules of v${LAST_V2}; state the version as apiVersion`
            : `no apiVersion: read as ODCS v${LAST_V2}, the last v2 version (v2 examples state none)`,
        },
      ],
    };
  }
  if (result.valid) {
    result.warnings.push({
      path: v2.field || 'apiVersion',
      message: `ODCS v2 is a legacy format: the contract is read and summarised, but the suite is built for ${SUPPORTED}; migrate it (dataset becomes schema, tables become objects, columns become properties)`,
    });
  }
  return result;
}

/**
 * Validates an ODCS document by the rules of the version it declares (versions.ts has the
 * policy). Never throws: whatever the input, the verdict comes back with its reasons.
 */
export function validateOdcs(document: unknown): ValidationResult {
  if (!isRecord(document)) {
    return refused('', [
      {
        path: '',
        message: `expected an ODCS data contract (an object with apiVersion, kind: DataContract, id, version), got ${describeValue(
          document,
        )}`,
      },
    ]);
  }
  const declared =
    typeof document.apiVersion === 'string' ? document.apiVersion : '';
  if (depthExceeds(document, MAX_DEPTH)) {
    return refused(declared, [
      {
        path: '',
        message: `nested more than ${MAX_DEPTH} levels deep; no data contract needs that many`,
      },
    ]);
  }

  const v2 = v2VersionOf(document);
  if (v2) {
    return validateV2(document, v2);
  }
  if (document.apiVersion === undefined) {
    return refused('', [
      {
        path: 'apiVersion',
        message: `required: expected the ODCS version the contract follows, one of ${ODCS_VERSIONS.map(
          v => `v${v}`,
        ).join(', ')}`,
      },
    ]);
  }
  if (typeof document.apiVersion !== 'string') {
    return refused(String(document.apiVersion), [
      {
        path: 'apiVersion',
        message: `expected a version such as v${
          ODCS_VERSIONS[ODCS_VERSIONS.length - 1]
        }, got ${describeValue(document.apiVersion)}`,
      },
    ]);
  }

  let result: ValidationResult;
  try {
    result = validateByVersion(
      'odcs',
      declared,
      'apiVersion',
      [...odcsV2Rules, ...odcsV3Rules],
      document,
    );
  } catch (error) {
    // Only a pathological document (e.g. shared aliases multiplying its size) gets here.
    return refused(declared, [
      {
        path: '',
        message: `could not be checked: ${(error as Error).message}`,
      },
    ]);
  }
  if (result.valid) {
    result.warnings.push(...deprecations(document, result.validatedAs));
  }
  return result;
}
