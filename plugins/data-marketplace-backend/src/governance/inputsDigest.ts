import { createHash } from 'node:crypto';
import type { PolicyRule } from '@datamesh/plugin-data-mesh-common';

/** A digest of the mesh-wide policies in force: a change re-evaluates every product. */
export function policiesDigest(policies: PolicyRule[]): string {
  return createHash('sha256').update(JSON.stringify(policies)).digest('hex');
}

/**
 * A digest of everything a product's result was computed from: the policies, the product's
 * version and the version of each entity the rules looked up (empty when it was absent, so
 * that one appearing counts as a change too). Equal digests mean an equal result.
 */
export function inputsDigest(
  policies: string,
  productRef: string,
  dependsOn: string[],
  versions: Map<string, string>,
): string {
  const hash = createHash('sha256')
    .update(policies)
    .update('\n')
    .update(productRef)
    .update('=')
    .update(versions.get(productRef) ?? '');
  for (const ref of dependsOn) {
    hash
      .update('\n')
      .update(ref)
      .update('=')
      .update(versions.get(ref) ?? '');
  }
  return hash.digest('hex');
}
