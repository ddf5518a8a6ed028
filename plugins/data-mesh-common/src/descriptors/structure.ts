import type { DescriptorIssue } from './types';

/*
 * The schemas recurse into nested fields. A YAML alias can make a document refer to itself
 * (`a: &x {b: *x}` parses into a cycle), and a hostile file can nest thousands of levels in
 * a megabyte; either would overflow the stack during validation. This check runs first,
 * without recursion of its own deeper than the limit.
 */

/** Deeper than any real contract (model → field → nested fields → ...). */
export const MAX_NESTING = 100;

function children(node: object): unknown[] {
  return Array.isArray(node) ? node : Object.values(node);
}

/** Why the document cannot be checked (a cycle, too deep), or undefined when it can. */
export function structureIssue(document: unknown): DescriptorIssue | undefined {
  // Height of each finished node, so nodes shared through aliases are walked once.
  const heights = new Map<object, number>();
  const onPath = new Set<object>();
  let problem: string | undefined;

  const height = (node: unknown, depth: number): number => {
    if (problem || node === null || typeof node !== 'object') {
      return 0;
    }
    const known = heights.get(node);
    if (known !== undefined) {
      if (depth + known > MAX_NESTING) {
        problem = `is nested more than ${MAX_NESTING} levels deep`;
      }
      return known;
    }
    if (onPath.has(node)) {
      problem =
        'refers to itself (through a YAML alias), which no contract can';
      return 0;
    }
    if (depth >= MAX_NESTING) {
      problem = `is nested more than ${MAX_NESTING} levels deep`;
      return 0;
    }
    onPath.add(node);
    let tallest = 0;
    for (const child of children(node)) {
      tallest = Math.max(tallest, height(child, depth + 1));
      if (problem) {
        break;
      }
    }
    onPath.delete(node);
    heights.set(node, tallest + 1);
    return tallest + 1;
  };

  height(document, 0);
  return problem ? { path: '', message: `the document ${problem}` } : undefined;
}
