import type { Entity } from '@backstage/catalog-model';
import { valuesAt } from './paths';
import { sameRef } from './refs';
import type { PolicyRule } from './schema';

/** A field's values as a selector compares them: list items one by one. */
function flatValues(entity: Entity, field: string): unknown[] {
  return valuesAt(entity, field).flatMap(found =>
    Array.isArray(found.value) ? found.value : [found.value],
  );
}

function matches(actual: unknown, written: string): boolean {
  if (actual === undefined || actual === null || typeof actual === 'object') {
    return false;
  }
  const text = String(actual);
  if (text === written) {
    return true;
  }
  // Refs: `brokerage` selects `domain:default/brokerage`; case never matters in a ref.
  return text.includes(':') && sameRef(text, written);
}

/** Whether the rule checks this entity: its kind, then every selector field. */
export function ruleApplies(rule: PolicyRule, entity: Entity): boolean {
  if (
    rule.appliesTo.kind.toLocaleLowerCase('en-US') !==
    entity.kind.toLocaleLowerCase('en-US')
  ) {
    return false;
  }
  return Object.entries(rule.appliesTo.selector ?? {}).every(
    ([field, wanted]) => {
      const actual = flatValues(entity, field);
      return wanted.some(w => actual.some(a => matches(a, w)));
    },
  );
}
