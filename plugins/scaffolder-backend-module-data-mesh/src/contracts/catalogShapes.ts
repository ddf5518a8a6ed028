import { z } from 'zod';

// What the diff reads of catalog entities, checked at the boundary: the catalog holds what
// any location wrote, so nothing is assumed about its shape.

const property: z.ZodType<{
  name: string;
  logicalType?: string;
  physicalType?: string;
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  classification?: string;
  properties?: unknown[];
}> = z.lazy(() =>
  z.object({
    name: z.string(),
    logicalType: z.string().optional(),
    physicalType: z.string().optional(),
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    primaryKey: z.boolean().optional(),
    classification: z.string().optional(),
    properties: z.array(property).optional(),
  }),
);

/** An API entity of type data-contract, with the summary the catalog module writes. */
export const contractEntitySpec = z.object({
  type: z.literal('data-contract'),
  dataContract: z.object({
    contractVersion: z.string().optional(),
    objects: z.array(
      z.object({ name: z.string(), properties: z.array(property).default([]) }),
    ),
  }),
});

const port = z.object({
  name: z.string(),
  type: z.string().optional(),
  address: z.string().optional(),
  contractId: z.string().optional(),
});

/** The parts of a DataProduct's spec the diff compares. */
export const productEntitySpec = z.object({
  version: z.string().optional(),
  classification: z.string().optional(),
  outputPorts: z.array(port).optional(),
  inputPorts: z.array(z.object({ name: z.string() })).optional(),
});

/** `spec.x: message; spec.y: message`, for an entity that is not what the diff needs. */
export function describeZodError(error: z.ZodError, prefix = 'spec'): string {
  return error.issues
    .map(i => `${[prefix, ...i.path].join('.')}: ${i.message}`)
    .join('; ');
}
