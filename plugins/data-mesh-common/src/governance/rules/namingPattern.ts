import { z } from 'zod';
import { descriptorHint } from '../hints';
import { valuesAt } from '../paths';
import type { RuleType } from '../types';
import { fieldPathSchema } from './fieldPath';

// Policies come from app-config and from Domain entities that domain teams edit; a pattern is
// compiled once at parse time, and a very long one is refused.
const MAX_PATTERN_LENGTH = 500;

function regexProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `at most ${MAX_PATTERN_LENGTH} characters`;
  }
  try {
    RegExp(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const params = z.strictObject({
  /** The field to check; each item of a list with `[]` (spec.outputPorts[].name). */
  field: fieldPathSchema.default('metadata.name'),
  /** A JavaScript regular expression the whole value must match: anchor it with ^ and $. */
  pattern: z.string().superRefine((pattern, ctx) => {
    const problem = regexProblem(pattern);
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a regular expression (${problem})`,
      });
    }
  }),
  /** How to describe the pattern to an owner, e.g. "lowercase words joined by dashes". */
  hint: z.string().min(1).optional(),
});
export type NamingPatternParams = z.infer<typeof params>;

const compiled = new Map<string, RegExp>();
function regexOf(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern);
    compiled.set(pattern, regex);
  }
  return regex;
}

/** `naming-pattern`: the field (metadata.name by default) matches the pattern. */
export const namingPattern: RuleType<NamingPatternParams> = {
  type: 'naming-pattern',
  params,
  paramsOptional: false,
  describe: p => `${p.field} matches ${p.hint ?? `/${p.pattern}/`}`,
  check(entity, p) {
    const regex = regexOf(p.pattern);
    const shape = p.hint ?? `the pattern /${p.pattern}/`;
    return valuesAt(entity, p.field)
      .filter(found => found.value !== undefined && found.value !== null)
      .filter(found => !regex.test(String(found.value)))
      .map(found => ({
        path: found.path,
        message: `Rename ${found.path} "${String(
          found.value,
        )}" to match ${shape}${descriptorHint(entity, found.path)}`,
      }));
  },
};
