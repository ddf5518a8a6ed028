import { z } from 'zod';
import type { OutputPort } from '../../kinds/DataProductEntityV1alpha1';
import { isManagementPort } from '../contracts';
import { toRef } from '../refs';
import type { RuleFinding, RuleType } from '../types';
import { PRODUCT_ONLY } from './productKinds';

const params = z.strictObject({
  /** The contract must be an API entity the catalog has, not only a name. Default true. */
  resolvable: z.boolean().default(true),
  /** A product with no output port fails: nothing to consume. Default true. */
  requirePorts: z.boolean().default(true),
});
export type OutputPortContractParams = z.infer<typeof params>;

/** `output-port-contract`: every output port names its contract (an API entity). */
export const outputPortContract: RuleType<OutputPortContractParams> = {
  type: 'output-port-contract',
  params,
  paramsOptional: true,
  kinds: PRODUCT_ONLY,
  describe: () => 'Every output port has a contract',
  check(entity, p, context) {
    const ports = ((entity.spec?.outputPorts ?? []) as OutputPort[])
      .map((port, index) => ({ port, index }))
      .filter(({ port }) => !isManagementPort(port));
    if (ports.length === 0) {
      return p.requirePorts
        ? [
            {
              path: 'spec.outputPorts',
              message:
                'Add an output port (a view, table, API, stream or file) with its contract: consumers have no way to read this product',
            },
          ]
        : [];
    }
    const findings: RuleFinding[] = [];
    for (const { port, index } of ports) {
      const path = `spec.outputPorts[${index}].contract`;
      const ref = toRef(port.contract, { kind: 'api' });
      if (!ref) {
        findings.push({
          path,
          message: `Give output port ${port.name} a contract: write an ODCS or DCS contract for it and name its id as the port's contractId`,
        });
      } else if (
        p.resolvable &&
        context.getEntity(ref)?.kind.toLocaleLowerCase('en-US') !== 'api'
      ) {
        findings.push({
          path,
          message: `Register the contract of output port ${port.name}: ${ref} is not in the catalog (add the contract file to the product's catalog-info.yaml targets, or fix the port's contractId)`,
        });
      }
    }
    return findings;
  },
};
