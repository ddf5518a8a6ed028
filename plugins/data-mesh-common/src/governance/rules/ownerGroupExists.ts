import { z } from 'zod';
import { descriptorHint } from '../hints';
import { kindOfRef, toRef } from '../refs';
import type { RuleType } from '../types';
import { isKind } from './lifecycles';

const params = z.strictObject({});
export type OwnerGroupExistsParams = z.infer<typeof params>;

/**
 * `owner-group-exists`: spec.owner names a Group the catalog has. A team owns a product and
 * decides on its access requests; a person leaves, and a name nobody resolves decides nothing.
 */
export const ownerGroupExists: RuleType<OwnerGroupExistsParams> = {
  type: 'owner-group-exists',
  params,
  paramsOptional: true,
  describe: () => 'The owner is a group in the catalog',
  check(entity, _p, context) {
    const path = 'spec.owner';
    const hint = descriptorHint(entity, path);
    const written = entity.spec?.owner;
    const ref = toRef(written, { kind: 'group' });
    if (!ref || written === 'unknown') {
      return [
        {
          path,
          message: `Set spec.owner to the group that owns the product, e.g. group:default/brokerage-data-team${hint}`,
        },
      ];
    }
    if (kindOfRef(ref) !== 'group') {
      return [
        {
          path,
          message: `Make a group the owner${hint}: ${written} is a ${kindOfRef(
            ref,
          )}, and a team, not a person, owns a product and decides on its access requests`,
        },
      ];
    }
    if (!isKind(context.getEntity(ref), 'group')) {
      return [
        {
          path,
          message: `Fix the owner${hint}: there is no group ${ref} in the catalog; name an existing group or register it`,
        },
      ];
    }
    return [];
  },
};
