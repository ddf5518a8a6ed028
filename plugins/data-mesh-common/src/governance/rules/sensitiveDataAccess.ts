import { z } from 'zod';
import { CLASSIFICATIONS } from '../../kinds/constants';
import { contractSummaryOf, productContracts } from '../contracts';
import { descriptorHint } from '../hints';
import { toRef } from '../refs';
import type { RuleFinding, RuleType } from '../types';
import { PRODUCT_ONLY } from './productKinds';
import { ownerApprovesAccess, sensitiveColumns } from './sensitiveData';

const params = z.strictObject({
  /** Product classifications that need an owner-approved access policy. */
  classifications: z
    .array(z.enum(CLASSIFICATIONS))
    .default(['confidential', 'restricted']),
  /** Column classifications that make the data restricted (lowercase compare). */
  propertyClassifications: z.array(z.string().min(1)).default(['restricted']),
  /** Whether columns flagged as personal data (DCS pii, a pii tag) count. */
  pii: z.boolean().default(true),
});
export type SensitiveDataAccessParams = z.infer<typeof params>;

const SHOWN = 3;
const list = (names: string[]) =>
  names.slice(0, SHOWN).join(', ') +
  (names.length > SHOWN ? ` and ${names.length - SHOWN} more` : '');

/**
 * `sensitive-data-access`: personal or restricted data is classified restricted, and a
 * product that is confidential, restricted or holds such data declares an access policy its
 * owner approves (a role in its contract with the owner as approver).
 */
export const sensitiveDataAccess: RuleType<SensitiveDataAccessParams> = {
  type: 'sensitive-data-access',
  params,
  paramsOptional: true,
  kinds: PRODUCT_ONLY,
  describe: () =>
    'Sensitive data is classified restricted and its access is approved by the owner',
  check(entity, p, context) {
    const owner = toRef(entity.spec?.owner, { kind: 'group' });
    const classification = entity.spec?.classification as string | undefined;
    const marks = {
      classifications: p.propertyClassifications.map(c =>
        c.toLocaleLowerCase('en-US'),
      ),
      pii: p.pii,
    };
    const summaries = productContracts(entity, context)
      .map(c => (c.entity ? contractSummaryOf(c.entity) : undefined))
      .filter(s => s !== undefined);
    // Only ODCS has roles; a product whose contracts are all in another standard is told so.
    const noOdcs =
      summaries.length > 0 && summaries.every(s => s.standard !== 'odcs')
        ? ' (its contracts are not ODCS, which alone has roles: publish one in ODCS)'
        : '';
    const sensitive = summaries.flatMap(s => sensitiveColumns(s, marks));
    const findings: RuleFinding[] = [];
    if (sensitive.length > 0 && classification !== 'restricted') {
      findings.push({
        path: 'spec.classification',
        message: `Classify the product as restricted${descriptorHint(
          entity,
          'spec.classification',
        )}: its contract holds personal or restricted data (${list(
          sensitive,
        )})`,
      });
    }
    const needsPolicy =
      sensitive.length > 0 ||
      (p.classifications as string[]).includes(classification ?? '');
    if (
      needsPolicy &&
      !(owner && summaries.some(s => ownerApprovesAccess(s, owner)))
    ) {
      findings.push({
        path: 'spec.outputPorts',
        message: `Declare an access policy that the owner approves: add a role to the product's ODCS contract (roles[]) with firstLevelApprovers: ${
          owner ?? 'the owning group'
        }, saying who may be granted access and for what; ${
          sensitive.length > 0
            ? 'the product holds personal or restricted data'
            : `the product is ${classification}`
        }${noOdcs}`,
      });
    }
    return findings;
  },
};
