import type { z as zod } from 'zod/v3';
import {
  CLASSIFICATIONS,
  DATA_PRODUCT_TYPES,
} from '@datamesh/plugin-data-mesh-common';
import { LOGICAL_TYPES, OFFERED_PORT_TYPES } from '../product/answers';
import {
  COLUMN_NAME_PATTERN,
  NAME_MAX_LENGTH,
  NAME_MIN_LENGTH,
  NAME_PATTERN,
  VERSION_PATTERN,
} from '../product/namingRules';
import { UPDATE_FREQUENCIES } from '../product/updateFrequency';

// Input schemas shared by the actions. The scaffolder hands actions its zod (v3 API) to
// build them with; it turns them into JSON Schema, which it checks every input against.

type Z = typeof zod;

export const nameSchema = (z: Z, description: string) =>
  z
    .string({ description })
    .min(NAME_MIN_LENGTH)
    .max(NAME_MAX_LENGTH)
    .regex(new RegExp(NAME_PATTERN));

export const versionSchema = (z: Z, description: string) =>
  z.string({ description }).regex(new RegExp(VERSION_PATTERN));

export const classificationSchema = (z: Z, description: string) =>
  z.enum(CLASSIFICATIONS, { description });

export const columnSchema = (z: Z) =>
  z.object({
    name: z
      .string({ description: 'Column name, snake case' })
      .regex(new RegExp(COLUMN_NAME_PATTERN)),
    logicalType: z.enum(LOGICAL_TYPES, {
      description: 'ODCS logical type',
    }),
    description: z.string().optional(),
    required: z.boolean({ description: 'Never null' }).optional(),
    classification: classificationSchema(
      z,
      'Classification of this column when stricter than the product',
    ).optional(),
  });

export const outputPortSchema = (z: Z) =>
  z.object({
    name: nameSchema(z, 'Port name, kebab case'),
    type: z.enum(OFFERED_PORT_TYPES, { description: 'How consumers read it' }),
    address: z
      .string({
        description:
          'Where consumers read it: warehouse.schema.view, a URL, a topic',
      })
      .min(1),
    description: z.string().optional(),
    columns: z
      .array(columnSchema(z), { description: 'The columns the port exposes' })
      .min(1),
  });

export const productTypeSchema = (z: Z) =>
  z.enum(DATA_PRODUCT_TYPES, {
    description: 'source-aligned, aggregate or consumer-aligned',
  });

export const updateFrequencySchema = (z: Z) =>
  z.enum(UPDATE_FREQUENCIES, { description: 'How often the data is updated' });
