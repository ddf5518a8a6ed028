import type { WorkspaceDescriptor } from '../workspace/readWorkspaceDescriptors';

/** One thing a policy finds wrong, in the file and field the team has to change. */
export interface PolicyIssue {
  /** The descriptor file, relative to the repository root ('' for the repository). */
  file: string;
  /** The field, as a path into the document ('' for the whole document). */
  path: string;
  message: string;
  /** The policy that found it. */
  policy: string;
  /** A warning is reported and output but does not fail the action. Default: error. */
  severity?: 'error' | 'warning';
}

/**
 * A governance rule checked when a product is created or changed: the structural rules
 * (structuralPolicies.ts), and the governance engine's rules (governancePolicy.ts), which
 * plug in through a DescriptorPolicyFactory because they need the catalog.
 */
export interface DescriptorPolicy {
  id: string;
  description: string;
  check(descriptors: WorkspaceDescriptor[]): PolicyIssue[];
}

/**
 * Makes policies for one run from the repository's descriptors: what needs the catalog
 * loads it here, once, so that `check` stays synchronous and the policy holds no state
 * shared between runs.
 */
export type DescriptorPolicyFactory = (
  descriptors: WorkspaceDescriptor[],
) => Promise<DescriptorPolicy[]>;

/** Runs every policy; the issues in file order, then in the policies' order. */
export function runPolicies(
  policies: DescriptorPolicy[],
  descriptors: WorkspaceDescriptor[],
): PolicyIssue[] {
  const issues = policies.flatMap(policy => policy.check(descriptors));
  const order = new Map(descriptors.map((d, i) => [d.file, i]));
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        (order.get(a.issue.file) ?? -1) - (order.get(b.issue.file) ?? -1) ||
        a.index - b.index,
    )
    .map(({ issue }) => issue);
}
