import { z } from 'zod';
import type { InputPort } from '../../kinds/DataProductEntityV1alpha1';
import { toRef } from '../refs';
import type { RuleFinding, RuleType } from '../types';
import { isKind, lifecycleOf } from './lifecycles';
import { PRODUCT_ONLY } from './productKinds';

const params = z.strictObject({
  /**
   * What an upstream that is deprecated (still served, on its way out) gives: a warning by
   * default, an error, or nothing. A retired upstream always breaks the rule.
   */
  deprecated: z.enum(['warning', 'error', 'ignore']).default('warning'),
});
export type UpstreamNotRetiredParams = z.infer<typeof params>;

/**
 * `upstream-not-retired`: every upstream data product an input port reads is in the
 * catalog and not retired (a deprecated one is a warning unless configured otherwise).
 */
export const upstreamNotRetired: RuleType<UpstreamNotRetiredParams> = {
  type: 'upstream-not-retired',
  params,
  paramsOptional: true,
  kinds: PRODUCT_ONLY,
  describe: () => 'Upstream data products exist and are not retired',
  check(entity, p, context) {
    const ports = (entity.spec?.inputPorts ?? []) as InputPort[];
    const findings: RuleFinding[] = [];
    ports.forEach((port, index) => {
      if (!port.dataProduct) {
        return;
      }
      const path = `spec.inputPorts[${index}].dataProduct`;
      const ref = toRef(port.dataProduct, { kind: 'dataproduct' });
      const upstream = ref ? context.getEntity(ref) : undefined;
      if (!isKind(upstream, 'dataproduct')) {
        findings.push({
          path,
          message: `Fix input port ${port.name}: the upstream product ${port.dataProduct} is not in the catalog; name an existing data product`,
        });
        return;
      }
      const lifecycle = lifecycleOf(upstream);
      const successor = upstream!.spec?.successor;
      const move = successor
        ? `move to its successor ${successor}`
        : 'move to the product that replaces it';
      if (lifecycle === 'retired') {
        findings.push({
          path,
          message: `Stop reading retired product ${ref} in input port ${port.name}: ${move}`,
        });
      } else if (lifecycle === 'deprecated' && p.deprecated !== 'ignore') {
        findings.push({
          path,
          severity: p.deprecated,
          message: `Plan to stop reading deprecated product ${ref} in input port ${port.name}: ${move}`,
        });
      }
    });
    return findings;
  },
};
