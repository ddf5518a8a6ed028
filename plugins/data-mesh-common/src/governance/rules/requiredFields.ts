import { z } from 'zod';
import { descriptorHint } from '../hints';
import { isBlank, valuesAt } from '../paths';
import type { RuleType } from '../types';
import { fieldPathSchema } from './fieldPath';

const params = z.strictObject({
  /** Dotted paths: spec.owner, spec.description.purpose, spec.classification, spec.sla. */
  fields: z.array(fieldPathSchema).min(1),
});
export type RequiredFieldsParams = z.infer<typeof params>;

// What to write for the fields every mesh asks for; other fields get a generic sentence.
const WHAT: Record<string, string> = {
  'spec.owner':
    'the group that owns the product, e.g. group:default/brokerage-data-team',
  'spec.domain': 'the domain the product belongs to, e.g. domain:brokerage',
  'spec.description.purpose':
    'what the product is for and who it serves, in a sentence or two',
  'spec.classification':
    'its classification: public, internal, confidential or restricted',
  'spec.sla': 'its service levels, at least how often it is updated',
  'spec.sla.updateFrequency':
    'how often it is updated (daily, hourly, PT1H, ...)',
  'spec.lifecycle': 'its lifecycle (experimental, production, deprecated)',
  'spec.type': 'its type: source-aligned, aggregate or consumer-aligned',
  'spec.usage.license': 'the licence consumers use it under',
  'spec.support': 'where consumers get help (a chat channel, an issue tracker)',
};

/** `required-fields`: each listed field has a value. */
export const requiredFields: RuleType<RequiredFieldsParams> = {
  type: 'required-fields',
  params,
  paramsOptional: false,
  describe: p => `Sets ${p.fields.join(', ')}`,
  check(entity, p) {
    return p.fields.flatMap(field =>
      valuesAt(entity, field)
        .filter(found => isBlank(found.value))
        .map(found => {
          const what = WHAT[field] ?? 'a value';
          return {
            path: found.path,
            message: `Set ${found.path} to ${what}${descriptorHint(
              entity,
              found.path,
            )}`,
          };
        }),
    );
  },
};
