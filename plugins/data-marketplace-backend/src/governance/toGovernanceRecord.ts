import { createHash } from 'node:crypto';
import type { Entity } from '@backstage/catalog-model';
import type { GovernanceResult } from '@datamesh/plugin-data-mesh-common';
import type { ProductGovernanceRecord } from '../database';
import { canonicalRef } from './refs';

/**
 * What the store keeps of a product's evaluation. The hash covers everything written, so
 * an unchanged hash means the stored row is already right and the run skips it.
 */
export function toGovernanceRecord(
  product: Entity,
  result: GovernanceResult,
): ProductGovernanceRecord {
  const failed = result.results.filter(r => !r.passed);
  const fields = {
    entityRef: result.entityRef.toLocaleLowerCase('en-US'),
    domain: canonicalRef(product.spec?.domain, 'domain'),
    owner: canonicalRef(product.spec?.owner, 'group'),
    status: result.status,
    results: result.results,
    failedErrors: failed.filter(r => r.severity === 'error').length,
    failedWarnings: failed.filter(r => r.severity === 'warning').length,
  };
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        fields.domain ?? null,
        fields.owner ?? null,
        fields.status,
        fields.results,
      ]),
    )
    .digest('hex');
  return { ...fields, hash };
}
