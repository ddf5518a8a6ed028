import { DescriptorIssue } from './types';
import { parseVersion, validateByVersion, VersionRules } from './versions';

/** Rules that require the listed fields, to see which version's rules were applied. */
function requires(version: string, ...fields: string[]): VersionRules {
  return {
    version,
    check(document, { allowUnknownFields }) {
      const doc = document as Record<string, unknown>;
      const issues: DescriptorIssue[] = fields
        .filter(field => !(field in doc))
        .map(field => ({ path: field, message: 'required' }));
      if (!allowUnknownFields && 'extra' in doc) {
        issues.push({ path: 'extra', message: 'unknown field' });
      }
      return issues;
    },
  };
}

const rules = [
  requires('3.0.0', 'a', 'old'),
  requires('3.1.0', 'a'),
  requires('2.2.0', 'b'),
];
const validate = (declared: string, document: object) =>
  validateByVersion('odcs', declared, 'apiVersion', rules, document);

describe('validateByVersion', () => {
  it('parses the ways versions are written', () => {
    expect(parseVersion('v3.0.2')).toEqual([3, 0, 2]);
    expect(parseVersion('1.0.0-DRAFT')).toEqual([1, 0, 0]);
    expect(parseVersion('0.9')).toEqual([0, 9, 0]);
    expect(parseVersion('latest')).toBeUndefined();
  });

  it('checks a known version by its own rules', () => {
    expect(validate('v3.0.0', { a: 1, old: 1 })).toMatchObject({
      valid: true,
      validatedAs: '3.0.0',
      warnings: [],
    });
    expect(validate('v3.1.0', { b: 1 })).toMatchObject({
      valid: false,
      errors: [{ path: 'a', message: 'required' }],
    });
  });

  it('accepts, with a warning, a document that only passes a newer version of its major', () => {
    const result = validate('v3.0.0', { a: 1 });
    expect(result).toMatchObject({ valid: true, validatedAs: '3.1.0' });
    expect(result.warnings[0].message).toMatch(
      /declares v3\.0\.0 but follows the rules of 3\.1\.0, not 3\.0\.0 \(old: required\); update apiVersion to 3\.1\.0/,
    );
  });

  it('checks an unknown newer minor by the newest known rules, keeping unknown fields', () => {
    const result = validate('v3.4.0', { a: 1, extra: true });
    expect(result).toMatchObject({ valid: true, validatedAs: '3.1.0' });
    expect(result.warnings[0].message).toContain('newer than the suite knows');
  });

  it('refuses an unknown major, naming the supported ones', () => {
    expect(validate('v4.0.0', { a: 1 })).toMatchObject({
      valid: false,
      errors: [
        {
          path: 'apiVersion',
          message:
            'version v4.0.0 is not supported: the suite reads major versions 2, 3 (2.2.0, 3.0.0, 3.1.0)',
        },
      ],
    });
    expect(validate('latest', {}).errors[0].path).toBe('apiVersion');
  });
});
