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
}

/**
 * A governance rule checked when a product is created or changed. The mesh-wide policies
 * of the governance work plug in here; until then the structural rules below are the
 * policies (structuralPolicies.ts).
 */
export interface DescriptorPolicy {
  id: string;
  description: string;
  check(descriptors: WorkspaceDescriptor[]): PolicyIssue[];
}

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
