import { z } from 'zod';
import { numberPair, typedObject } from './checks';
import { DcsVersion, QUALITY_TYPES, since } from './features';

/*
 * Quality checks of models and fields (`quality: [...]`, from 1.1.0 on) and field lineage.
 * The 0.9.x contract-wide `quality: {type, specification}` block is in schemas.ts.
 */

const JSON_ARGUMENT = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.unknown()),
  z.record(z.string(), z.unknown()),
]);

function sqlCheck(version: DcsVersion) {
  // 1.2.0 briefly required whole numbers for SQL thresholds; 1.1.0 and 1.2.1 take any number.
  const threshold = () => (version === '1.2.0' ? z.number().int() : z.number());
  return z.looseObject({
    query: z.string(),
    dialect: z.string().optional(),
    mustBe: threshold().optional(),
    mustNotBe: threshold().optional(),
    mustBeGreaterThan: threshold().optional(),
    mustBeGreaterThanOrEqualTo: threshold().optional(),
    mustBeLessThan: threshold().optional(),
    mustBeLessThanOrEqualTo: threshold().optional(),
    ...(since(version, '1.2.1')
      ? {
          mustBeGreaterOrEqualTo: threshold().optional(),
          mustBeLessOrEqualTo: threshold().optional(),
        }
      : {}),
    mustBeBetween: numberPair(threshold(), false).optional(),
    mustNotBeBetween: numberPair(threshold(), false).optional(),
  });
}

function libraryCheck(version: DcsVersion) {
  // 1.2.1 renamed the library check's `rule` to `metric` (and added `arguments`).
  const named = since(version, '1.2.1')
    ? {
        metric: z.string(),
        rule: z.string().optional(),
        arguments: z.record(z.string(), JSON_ARGUMENT).optional(),
      }
    : { rule: z.string() };
  return z.looseObject({
    ...named,
    mustBeGreaterThan: z.number().optional(),
    mustBeGreaterOrEqualTo: z.number().optional(),
    mustBeLessThan: z.number().optional(),
    mustBeLessOrEqualTo: z.number().optional(),
    mustBeBetween: numberPair(z.number(), true).optional(),
    mustNotBeBetween: numberPair(z.number(), true).optional(),
  });
}

/** One quality check of a model or field. `openTypes` accepts types the version does not list. */
export function qualityCheckSchema(version: DcsVersion, openTypes: boolean) {
  return typedObject({
    base: z.looseObject({
      type: (openTypes ? z.string() : z.enum(QUALITY_TYPES)).optional(),
      description: z.string().optional(),
    }),
    byType: {
      text: z.looseObject({ description: z.string() }),
      sql: sqlCheck(version),
      library: libraryCheck(version),
      custom: z.looseObject({
        engine: z.string(),
        implementation: z
          .union([
            z.string(),
            z.array(z.unknown()),
            z.record(z.string(), z.unknown()),
          ])
          .optional(),
      }),
    },
    typelessMeetsAll: true,
  });
}

/** `lineage` of a field, from 1.1.0 on. */
export function lineageSchema() {
  return z.looseObject({
    inputFields: z.array(
      z.looseObject({
        namespace: z.string(),
        name: z.string(),
        field: z.string(),
        transformations: z
          .array(
            z.looseObject({
              type: z.string(),
              subtype: z.string().optional(),
              description: z.string().optional(),
              masking: z.boolean().optional(),
            }),
          )
          .optional(),
      }),
    ),
    transformationDescription: z.string().optional(),
    transformationType: z.string().optional(),
  });
}
