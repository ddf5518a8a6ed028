import { z } from 'zod';
import type {
  ContractProperty,
  DataContractSummary,
} from '../../descriptors/entities';
import { contractSummaryOf, productContracts } from '../contracts';
import type { RuleFinding, RuleType } from '../types';
import { PRODUCT_ONLY } from './productKinds';

const params = z.strictObject({
  /**
   * `contract`: each contract declares at least one quality rule, anywhere (default);
   * `every-object`: each table, view or topic of each contract declares one, on itself or
   * on one of its columns.
   */
  scope: z.enum(['contract', 'every-object']).default('contract'),
});
export type ContractQualityDeclaredParams = z.infer<typeof params>;

function propertiesHaveQuality(properties: ContractProperty[] = []): boolean {
  return properties.some(
    p => (p.quality?.length ?? 0) > 0 || propertiesHaveQuality(p.properties),
  );
}

/** Names of the contract's objects without a quality rule of their own or of a column. */
function objectsWithoutQuality(summary: DataContractSummary): string[] {
  return summary.objects
    .filter(
      o =>
        !((o.quality?.length ?? 0) > 0 || propertiesHaveQuality(o.properties)),
    )
    .map(o => o.name);
}

/**
 * `contract-quality-declared`: each contract of the product declares its quality rules (ODCS
 * `quality`, DCS `quality` on the contract, a model or a field), so the guarantees a
 * consumer relies on are written down and checkable.
 */
export const contractQualityDeclared: RuleType<ContractQualityDeclaredParams> =
  {
    type: 'contract-quality-declared',
    params,
    paramsOptional: true,
    kinds: PRODUCT_ONLY,
    describe: () => 'The contracts declare their quality rules',
    check(entity, p, context) {
      const findings: RuleFinding[] = [];
      for (const contract of productContracts(entity, context)) {
        const path = `spec.outputPorts[${contract.ports[0]}].contract`;
        const summary = contract.entity
          ? contractSummaryOf(contract.entity)
          : undefined;
        if (!summary) {
          findings.push({
            path,
            message: `Register contract ${contract.ref} in the catalog as a readable ODCS or DCS contract, so its quality rules can be checked`,
          });
          continue;
        }
        const missing = objectsWithoutQuality(summary);
        const none =
          (summary.quality?.length ?? 0) === 0 &&
          missing.length === summary.objects.length;
        if (none) {
          findings.push({
            path,
            message: `Declare quality rules in contract ${contract.ref} (a quality list on its schema objects or columns: completeness, uniqueness, valid values) so consumers know what is guaranteed`,
          });
        } else if (p.scope === 'every-object' && missing.length > 0) {
          findings.push({
            path,
            message: `Declare quality rules in contract ${
              contract.ref
            } for ${missing.join(
              ', ',
            )}: every table, view or topic needs at least one`,
          });
        }
      }
      return findings;
    },
  };
