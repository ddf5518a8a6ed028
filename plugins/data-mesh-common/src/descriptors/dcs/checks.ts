import { z } from 'zod';
import { dcsErrorMap } from './messages';

/*
 * Building blocks for the JSON Schema constructs of the specification that zod has no
 * single call for: maps with constrained names, unique lists, and "if type is X then X's
 * rules also apply" (servers, quality checks).
 */

/** Copies the issues of a nested parse into the current one, under the current path. */
export function forwardIssues(
  result: { success: boolean; error?: z.ZodError },
  ctx: z.RefinementCtx,
  note?: string,
): void {
  for (const issue of result.error?.issues ?? []) {
    ctx.addIssue({
      code: 'custom',
      path: issue.path,
      message: note ? `${issue.message} (${note})` : issue.message,
    });
  }
}

export interface NamedMapOptions {
  /** Names must match this (JSON Schema `propertyNames`). */
  pattern?: RegExp;
  /** What the pattern allows, in words. */
  patternHint?: string;
  /** When set, the map may not be empty (`minProperties: 1`); says what is missing. */
  atLeastOne?: string;
}

/** A mapping from names to values, e.g. `models`, `definitions`, `links`. */
export function namedMap(value: z.ZodType, options: NamedMapOptions = {}) {
  return z.record(z.string(), value).superRefine((map, ctx) => {
    const names = Object.keys(map);
    if (options.atLeastOne && names.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected at least one ${options.atLeastOne}, got none`,
      });
    }
    if (options.pattern) {
      for (const name of names.filter(n => !options.pattern!.test(n))) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `the name "${name}" is not allowed: ${
            options.patternHint ?? `expected a name matching ${options.pattern}`
          }`,
        });
      }
    }
  });
}

/** A list of strings where each appears once (JSON Schema `uniqueItems`). */
export function uniqueStrings() {
  return z.array(z.string()).superRefine((list, ctx) => {
    list.forEach((item, index) => {
      if (list.indexOf(item) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `expected each value once, got "${item}" again`,
        });
      }
    });
  });
}

/** A list of two numbers, e.g. `mustBeBetween: [10, 499]`. */
export function numberPair(item: z.ZodType, unique: boolean) {
  return z
    .array(item)
    .min(2)
    .max(2)
    .superRefine((pair, ctx) => {
      if (unique && pair[0] === pair[1]) {
        ctx.addIssue({
          code: 'custom',
          path: [1],
          message: 'expected two different numbers',
        });
      }
    });
}

export interface TypedRules {
  /** The rules every value meets, including the check of `type` itself. */
  base: z.ZodObject;
  /** Further rules for a value of one `type`. */
  byType: Record<string, z.ZodType>;
  /**
   * Whether the rules of every type apply to a value without a `type`. JSON Schema's
   * `if: {properties: {type: {const: X}}}` holds when `type` is absent, so the
   * specification's quality checks without a type must meet all of them.
   */
  typelessMeetsAll?: boolean;
}

/** A value whose `type` selects further rules (JSON Schema `allOf` of `if`/`then`). */
export function typedObject(rules: TypedRules) {
  return rules.base.superRefine((value, ctx) => {
    const type = (value as { type?: unknown }).type;
    if (type === undefined && rules.typelessMeetsAll) {
      const types = Object.keys(rules.byType);
      for (const name of types) {
        forwardIssues(
          rules.byType[name].safeParse(value, { error: dcsErrorMap }),
          ctx,
          `without a type, the rules of every type apply: ${types.join(', ')}`,
        );
      }
      return;
    }
    const specific =
      typeof type === 'string' && Object.hasOwn(rules.byType, type)
        ? rules.byType[type]
        : undefined;
    if (specific) {
      forwardIssues(
        specific.safeParse(value, { error: dcsErrorMap }),
        ctx,
        `for type ${type}`,
      );
    }
  });
}
