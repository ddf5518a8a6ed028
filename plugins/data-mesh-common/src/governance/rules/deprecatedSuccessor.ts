import { z } from 'zod';
import { toRef } from '../refs';
import type { RuleType } from '../types';
import { isKind, lifecycleOf } from './lifecycles';
import { PRODUCT_ONLY } from './productKinds';

const params = z.strictObject({
  /** Lifecycles that need a successor. Default: deprecated. */
  lifecycles: z.array(z.string().min(1)).default(['deprecated']),
});
export type DeprecatedSuccessorParams = z.infer<typeof params>;

/**
 * `deprecated-successor`: a deprecated product names the product that replaces it, and
 * that product is in the catalog and not on its way out itself, so consumers can move.
 */
export const deprecatedSuccessor: RuleType<DeprecatedSuccessorParams> = {
  type: 'deprecated-successor',
  params,
  paramsOptional: true,
  kinds: PRODUCT_ONLY,
  describe: () => 'A deprecated product names its successor',
  check(entity, p, context) {
    const lifecycle = lifecycleOf(entity);
    if (!p.lifecycles.some(l => l.toLocaleLowerCase('en-US') === lifecycle)) {
      return [];
    }
    const path = 'spec.successor';
    const written = entity.spec?.successor;
    if (typeof written !== 'string' || written.trim() === '') {
      return [
        {
          path,
          message: `Add spec.successor naming the product that replaces this ${lifecycle} one, e.g. dataproduct:default/<name>, so its consumers know where to move`,
        },
      ];
    }
    const ref = toRef(written, { kind: 'dataproduct' });
    const successor = ref ? context.getEntity(ref) : undefined;
    if (!isKind(successor, 'dataproduct')) {
      return [
        {
          path,
          message: `Fix spec.successor: ${written} is not a data product in the catalog; name the product that replaces this one`,
        },
      ];
    }
    const next = lifecycleOf(successor);
    if (next === 'deprecated' || next === 'retired') {
      return [
        {
          path,
          message: `Point spec.successor at a live product: the successor ${ref} is ${next} itself`,
        },
      ];
    }
    return [];
  },
};
