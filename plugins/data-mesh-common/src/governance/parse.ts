import type { z } from 'zod';
import { formatPath } from '../descriptors/issues';
import { describeValue, humanIssues } from '../descriptors/odcs/messages';
import type { DescriptorIssue } from '../descriptors/types';
import { POLICY_RULE_TYPES } from './rules';
import { policyRuleSchema, policySetSchema } from './schema';
import type { PolicyRule } from './schema';

/** Where the mesh-wide policies live in app-config. */
export const GOVERNANCE_POLICIES_CONFIG_KEY = 'datamesh.governance.policies';

/** A problem in a policy, with its full path (`datamesh.governance.policies[2].params.pattern`). */
export type PolicyIssue = DescriptorIssue;

/**
 * Mesh-wide policies that do not parse. Named like Backstage's InputError, so a backend
 * that lets it through answers 400 and logs it as the configuration's fault.
 */
export class PolicyConfigError extends Error {
  readonly issues: PolicyIssue[];
  constructor(issues: PolicyIssue[]) {
    super(
      `Invalid governance policies: ${issues
        .map(i => (i.path ? `${i.path}: ${i.message}` : i.message))
        .join('; ')}`,
    );
    this.name = 'InputError';
    this.issues = issues;
  }
}

function join(base: string, path: string): string {
  if (!base || !path) {
    return base || path;
  }
  return path.startsWith('[') ? `${base}${path}` : `${base}.${path}`;
}

/** zod's issues in words a policy author acts on, each with the full path. */
function policyIssues(error: z.ZodError, base: string): PolicyIssue[] {
  // An unknown `type` is the one issue zod words vaguely ("Invalid input").
  const isType = (issue: z.core.$ZodIssue) =>
    issue.code === 'invalid_union' && issue.path.at(-1) === 'type';
  const typeIssues = error.issues.filter(isType).map(issue => {
    const input = (issue as { input?: { type?: unknown } }).input?.type;
    return {
      path: formatPath(issue.path),
      message: `expected one of ${POLICY_RULE_TYPES.join(', ')}${
        input === undefined ? '' : `, got ${describeValue(input)}`
      }`,
    };
  });
  const rest = { issues: error.issues.filter(i => !isType(i)) } as z.ZodError;
  return [...typeIssues, ...humanIssues(rest, 'a governance rule')].map(
    issue => ({ path: join(base, issue.path), message: issue.message }),
  );
}

export type PolicyParseResult =
  | { success: true; rules: PolicyRule[] }
  | { success: false; issues: PolicyIssue[] };

/** Parses a list of rules (e.g. the config value); the issues name `base` + the field path. */
export function safeParsePolicies(
  value: unknown,
  base: string = GOVERNANCE_POLICIES_CONFIG_KEY,
): PolicyParseResult {
  const parsed = policySetSchema.safeParse(value ?? [], { reportInput: true });
  return parsed.success
    ? { success: true, rules: parsed.data as PolicyRule[] }
    : { success: false, issues: policyIssues(parsed.error, base) };
}

/** Parses a list of rules, or throws a PolicyConfigError listing every problem. */
export function parsePolicies(
  value: unknown,
  base: string = GOVERNANCE_POLICIES_CONFIG_KEY,
): PolicyRule[] {
  const result = safeParsePolicies(value, base);
  if (!result.success) {
    throw new PolicyConfigError(result.issues);
  }
  return result.rules;
}

/** Parses one rule (a Domain's entry), its issues under `base`. */
export function safeParsePolicyRule(
  value: unknown,
  base: string,
): { rule?: PolicyRule; issues: PolicyIssue[] } {
  const parsed = policyRuleSchema.safeParse(value, { reportInput: true });
  return parsed.success
    ? { rule: parsed.data as PolicyRule, issues: [] }
    : { issues: policyIssues(parsed.error, base) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The rules of a policies file as the CLI reads it: a list of rules (the shape of the
 * config key's value), `{ policies: [...] }`, or a whole app-config with the key. Throws a
 * PolicyConfigError naming the path of each problem.
 */
export function policiesFromDocument(document: unknown): PolicyRule[] {
  if (Array.isArray(document)) {
    return parsePolicies(document, '');
  }
  if (isRecord(document)) {
    const datamesh = document.datamesh;
    const governance = isRecord(datamesh) ? datamesh.governance : undefined;
    if (isRecord(governance) && 'policies' in governance) {
      return parsePolicies(governance.policies);
    }
    if ('policies' in document) {
      return parsePolicies(document.policies, 'policies');
    }
  }
  throw new PolicyConfigError([
    {
      path: '',
      message: `expected a list of rules, or a file with ${GOVERNANCE_POLICIES_CONFIG_KEY} (an app-config) or policies`,
    },
  ]);
}
