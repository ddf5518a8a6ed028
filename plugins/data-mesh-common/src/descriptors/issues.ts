import type { z } from 'zod';
import type { DescriptorIssue } from './types';

/** `['schema', 0, 'properties', 2, 'name']` → `schema[0].properties[2].name`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') {
      return `${acc}[${key}]`;
    }
    const name = String(key);
    return acc ? `${acc}.${name}` : name;
  }, '');
}

/** Turns zod's issues into descriptor issues, one per problem, with their field paths. */
export function issuesFromZod(error: z.ZodError): DescriptorIssue[] {
  return error.issues.map(issue => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
}

/** `path: message; path: message; and 3 more`, for one-line reports. */
export function describeIssues(
  issues: ReadonlyArray<{ path: string; message: string }>,
  max = 10,
): string {
  const listed = issues
    .slice(0, max)
    .map(issue =>
      issue.path ? `${issue.path}: ${issue.message}` : issue.message,
    );
  const more = issues.length - listed.length;
  return listed.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
