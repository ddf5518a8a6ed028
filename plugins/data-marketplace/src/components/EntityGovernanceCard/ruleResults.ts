import type { GovernanceRuleResult } from '../../api';

/** Failed errors first, then failed warnings, then what passed; by rule id within each. */
export function sortRuleResults(
  results: GovernanceRuleResult[],
): GovernanceRuleResult[] {
  const weight = (result: GovernanceRuleResult) => {
    if (result.passed) {
      return 2;
    }
    return result.severity === 'error' ? 0 : 1;
  };
  return [...results].sort(
    (a, b) =>
      weight(a) - weight(b) ||
      a.ruleId.localeCompare(b.ruleId) ||
      (a.path ?? '').localeCompare(b.path ?? ''),
  );
}

/** `2 rules failed (1 error, 1 warning) of 9 results`, or `All 9 results passed`. */
export function describeRuleResults(results: GovernanceRuleResult[]): string {
  const failed = results.filter(result => !result.passed);
  if (!results.length) {
    return 'No rule applies to this product.';
  }
  if (!failed.length) {
    return `All ${results.length} checks passed.`;
  }
  const errors = failed.filter(result => result.severity === 'error').length;
  const warnings = failed.length - errors;
  const parts = [
    errors && `${errors} error${errors === 1 ? '' : 's'}`,
    warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return `${failed.length} of ${results.length} checks failed (${parts.join(
    ', ',
  )}).`;
}
