import type {
  DescriptorIssue,
  DescriptorStandard,
  ValidationResult,
} from './types';

/** How strictly a version's rules are applied. */
export interface RuleOptions {
  /**
   * True when the document declares a newer version than the suite knows: fields the
   * known version does not define are kept and not reported.
   */
  allowUnknownFields: boolean;
}

/** The rules of one version of a standard. */
export interface VersionRules {
  /** Normalised `major.minor.patch`, e.g. `3.0.2`. */
  version: string;
  check(document: unknown, options: RuleOptions): DescriptorIssue[];
}

type Semver = [number, number, number];

/** `v3.0.2`, `3.0.2`, `1.0.0-DRAFT`, `0.9` → [3,0,2] …; undefined when not a version. */
export function parseVersion(version: string): Semver | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(
    version.trim(),
  );
  if (!match) {
    return undefined;
  }
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

function compare(a: Semver, b: Semver): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

const MAX_ERRORS_IN_WARNING = 3;

function summarise(issues: DescriptorIssue[]): string {
  return issues
    .slice(0, MAX_ERRORS_IN_WARNING)
    .map(i => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * Validates a document by the rules of the version it declares, with the suite's version
 * policy:
 * - a known version is checked by its own rules; where it fails them but passes a newer
 *   known version of the same major (some official examples do), it is accepted with a
 *   warning that names the version it really follows;
 * - an unknown version of a known major is checked by the nearest known version below it;
 *   when it is newer than every known one, unknown fields are kept, with a warning;
 * - an unknown major version is refused, saying which majors are supported.
 */
export function validateByVersion(
  standard: DescriptorStandard,
  declaredVersion: string,
  versionField: string,
  rules: VersionRules[],
  document: unknown,
): ValidationResult {
  const result = (
    fields: Partial<ValidationResult> & { valid: boolean },
  ): ValidationResult => ({
    standard,
    declaredVersion,
    errors: [],
    warnings: [],
    ...fields,
  });

  const declared = parseVersion(declaredVersion);
  const known = rules
    .map(r => ({ rules: r, semver: parseVersion(r.version)! }))
    .sort((a, b) => compare(a.semver, b.semver));
  const majors = [...new Set(known.map(k => k.semver[0]))];

  if (!declared) {
    return result({
      valid: false,
      errors: [
        {
          path: versionField,
          message: `expected a version such as ${
            known[known.length - 1].rules.version
          }, got "${declaredVersion}"`,
        },
      ],
    });
  }
  const sameMajor = known.filter(k => k.semver[0] === declared[0]);
  if (sameMajor.length === 0) {
    return result({
      valid: false,
      errors: [
        {
          path: versionField,
          message: `version ${declaredVersion} is not supported: the suite reads major version${
            majors.length > 1 ? 's' : ''
          } ${majors.join(', ')} (${known
            .map(k => k.rules.version)
            .join(', ')})`,
        },
      ],
    });
  }

  const exact = sameMajor.find(k => compare(k.semver, declared) === 0);
  const newest = sameMajor[sameMajor.length - 1];
  const warnings: DescriptorIssue[] = [];
  let base = exact;
  let allowUnknownFields = false;
  if (!base) {
    const below = sameMajor.filter(k => compare(k.semver, declared) < 0);
    base = below.length > 0 ? below[below.length - 1] : sameMajor[0];
    allowUnknownFields = compare(declared, newest.semver) > 0;
    warnings.push({
      path: versionField,
      message: allowUnknownFields
        ? `version ${declaredVersion} is newer than the suite knows; checked by the rules of ${base.rules.version}, fields it does not define are kept but not checked`
        : `version ${declaredVersion} is not a published version; checked by the rules of ${base.rules.version}`,
    });
  }

  const errors = base.rules.check(document, { allowUnknownFields });
  if (errors.length === 0) {
    return result({ valid: true, validatedAs: base.rules.version, warnings });
  }
  for (const newer of sameMajor.filter(
    k => compare(k.semver, base!.semver) > 0,
  )) {
    if (newer.rules.check(document, { allowUnknownFields }).length === 0) {
      warnings.push({
        path: versionField,
        message: `declares ${declaredVersion} but follows the rules of ${
          newer.rules.version
        }, not ${base.rules.version} (${summarise(
          errors,
        )}); update ${versionField} to ${newer.rules.version}`,
      });
      return result({
        valid: true,
        validatedAs: newer.rules.version,
        warnings,
      });
    }
  }
  return result({
    valid: false,
    validatedAs: base.rules.version,
    errors,
    warnings,
  });
}
