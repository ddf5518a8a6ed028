import type { DescriptorIssue } from '@datamesh/plugin-data-mesh-common';
import { readWorkspaceDescriptors } from '../workspace/readWorkspaceDescriptors';
import {
  DescriptorPolicy,
  DescriptorPolicyFactory,
  PolicyIssue,
  runPolicies,
} from './policies';

export interface DescriptorSummary {
  file: string;
  standard?: string;
  version?: string;
  valid: boolean;
}

export interface WorkspaceVerdict {
  descriptors: DescriptorSummary[];
  /** Everything that must change: the standards' errors first, then the policies'. */
  issues: PolicyIssue[];
  warnings: PolicyIssue[];
}

/** The policy name under which a standard's own validation errors are reported. */
export const STANDARD_POLICY = 'standard';

function asIssues(file: string, issues: DescriptorIssue[]): PolicyIssue[] {
  return issues.map(issue => ({ file, ...issue, policy: STANDARD_POLICY }));
}

/**
 * Validates every descriptor in a repository folder by its standard (the catalog module's
 * verdict), then runs the governance policies on the products that passed: the given ones,
 * then those the factories make for this run. A policy's warnings go with the warnings.
 */
export async function validateWorkspace(
  root: string,
  policies: DescriptorPolicy[],
  factories: DescriptorPolicyFactory[] = [],
): Promise<WorkspaceVerdict> {
  const descriptors = await readWorkspaceDescriptors(root);
  const issues = descriptors.flatMap(d => asIssues(d.file, d.result.errors));
  const warnings = descriptors.flatMap(d =>
    asIssues(d.file, d.result.warnings),
  );
  const made = await Promise.all(factories.map(make => make(descriptors)));
  for (const issue of runPolicies([...policies, ...made.flat()], descriptors)) {
    (issue.severity === 'warning' ? warnings : issues).push(issue);
  }
  return {
    descriptors: descriptors.map(d => ({
      file: d.file,
      standard: d.result.detected?.standard,
      version: d.result.detected?.declaredVersion,
      valid: d.result.errors.length === 0,
    })),
    issues,
    warnings,
  };
}

/** One line per issue: `file: path: message (policy)`. */
export function formatIssue(issue: PolicyIssue): string {
  const where = [issue.file, issue.path].filter(Boolean).join(': ');
  const policy = issue.policy === STANDARD_POLICY ? '' : ` [${issue.policy}]`;
  return `${where ? `${where}: ` : ''}${issue.message}${policy}`;
}
