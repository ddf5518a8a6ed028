import { z } from 'zod';
import { FIELD_PATH_PATTERN } from './paths';
import { POLICY_RULE_TYPES, RULE_TYPES } from './rules';
import type { PolicyRuleType } from './rules';
import type { PolicySeverity, RuleType } from './types';

/**
 * Which entities of the kind a rule checks: each field (a dotted path) must have one of the
 * values; a list field (metadata.tags) matches when one of its items does; a ref field
 * (spec.domain) matches a short ref (`brokerage` for `domain:default/brokerage`).
 */
export type PolicySelector = Record<string, string[]>;

type ParamsOf<T extends PolicyRuleType> =
  (typeof RULE_TYPES)[T] extends RuleType<infer P> ? P : never;

/** One governance rule, as data (app-config or a Domain's spec.policies), after parsing. */
export type PolicyRule = {
  [T in PolicyRuleType]: {
    /** Stable id, unique in the mesh: results, refusals and dashboards name the rule by it. */
    id: string;
    type: T;
    severity: PolicySeverity;
    /** Replaces the rule type's own message on failure: what the owner has to change. */
    message?: string;
    /** What the rule asks for, in a sentence, for pages that list the policies. */
    description?: string;
    /** false switches a mesh-wide rule off (config only; a domain cannot). Default true. */
    enabled: boolean;
    appliesTo: { kind: string; selector?: PolicySelector };
    params: ParamsOf<T>;
  };
}[PolicyRuleType];

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** `spec.type=aggregate, spec.domain=brokerage`: the short form of a selector. */
function parseSelectorText(text: unknown, ctx: z.RefinementCtx): unknown {
  if (typeof text !== 'string') {
    return text;
  }
  const selector: Record<string, string[]> = {};
  for (const part of text.split(',')) {
    const [field, value, extra] = part.split('=').map(s => s.trim());
    if (!field || !value || extra !== undefined) {
      ctx.addIssue({
        code: 'custom',
        input: text,
        message: `expected field=value pairs separated by commas, got "${part.trim()}"`,
      });
      return z.NEVER;
    }
    selector[field] = [...(selector[field] ?? []), value];
  }
  return selector;
}

const selectorSchema = z.preprocess(
  parseSelectorText,
  z
    .record(
      z.string().regex(FIELD_PATH_PATTERN, {
        error: 'expected a dotted field path such as spec.domain',
      }),
      z.union([scalar, z.array(scalar).min(1)]),
    )
    .transform(
      (record): PolicySelector =>
        Object.fromEntries(
          Object.entries(record).map(([field, value]) => [
            field,
            (Array.isArray(value) ? value : [value]).map(String),
          ]),
        ),
    ),
);

const appliesToSchema = z.strictObject({
  /** The entity kind, any case. Default DataProduct. */
  kind: z.string().min(1).default('DataProduct'),
  selector: selectorSchema.optional(),
});

const base = {
  id: z.string().regex(/^[a-z0-9][a-z0-9._/-]{0,99}$/, {
    error:
      'expected an id of lowercase letters, digits and . _ / - (at most 100 characters), e.g. mesh/required-metadata',
  }),
  severity: z.enum(['error', 'warning']),
  message: z.string().trim().min(1).optional(),
  description: z.string().trim().min(1).optional(),
  enabled: z.boolean().default(true),
  appliesTo: appliesToSchema.prefault({}),
};

function ruleSchema(rule: RuleType<unknown>) {
  const params = rule.paramsOptional ? rule.params.prefault({}) : rule.params;
  return z
    .strictObject({ ...base, type: z.literal(rule.type), params })
    .superRefine((value, ctx) => {
      const kind = value.appliesTo.kind.toLocaleLowerCase('en-US');
      if (rule.kinds && !rule.kinds.includes(kind)) {
        ctx.addIssue({
          code: 'custom',
          path: ['appliesTo', 'kind'],
          message: `expected ${rule.kinds.join(' or ')}: a ${
            rule.type
          } rule checks only that kind, got "${value.appliesTo.kind}"`,
        });
      }
    });
}

/** One rule: its fields and its type's params, chosen by `type`. */
export const policyRuleSchema = z.discriminatedUnion(
  'type',
  POLICY_RULE_TYPES.map(type =>
    ruleSchema(RULE_TYPES[type] as RuleType<unknown>),
  ) as unknown as [ReturnType<typeof ruleSchema>],
);

/** A list of rules with distinct ids: the value of `datamesh.governance.policies`. */
export const policySetSchema = z
  .array(policyRuleSchema)
  .superRefine((rules, ctx) => {
    const seen = new Map<string, number>();
    rules.forEach((rule, index) => {
      const first = seen.get(rule.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `duplicate id "${rule.id}": [${first}] has it already; each rule needs its own`,
        });
      } else {
        seen.set(rule.id, index);
      }
    });
  });
