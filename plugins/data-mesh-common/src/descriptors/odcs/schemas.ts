import { z } from 'zod';
import { featuresOf, OdcsVersion } from './features';
import {
  authoritativeDefinitions,
  context,
  contractDescription,
  customProperties,
  pricing,
  role,
  slaProperty,
  supportChannel,
  tags,
  team,
} from './parts';
import { schemaObjects } from './schemaElements';
import { server } from './servers';
import {
  dateTimeString,
  fields,
  patternString,
  SchemaOptions,
  when,
} from './shapes';

/**
 * The whole contract, by the rules of one ODCS v3 version. Written by hand from the standard
 * (its documentation and published JSON Schemas); the per-version differences are the flags
 * of OdcsFeatures.
 */
export function contractSchema(options: SchemaOptions): z.ZodType {
  const { features } = options;
  // A document that declares a newer version than the suite knows is checked by the newest
  // known rules, so its own apiVersion must pass them.
  const apiVersion = options.allowUnknownFields
    ? patternString(/^v3\.\d+\.\d+$/, 'a v3 version such as v3.2.0', true)
    : z.enum(features.apiVersions as [string, ...string[]]);
  return fields(
    {
      version: z.string(),
      kind: z.enum(['DataContract']),
      apiVersion,
      id: z.string(),
      name: z.string().optional(),
      tenant: z.string().optional(),
      tags: tags().optional(),
      status: features.statusRequired ? z.string() : z.string().optional(),
      servers: z.array(server(options)).optional(),
      dataProduct: z.string().optional(),
      description: contractDescription(options).optional(),
      domain: z.string().optional(),
      ...when(features.context, { context: context(options).optional() }),
      schema: schemaObjects(options).optional(),
      support: z.array(supportChannel(options)).optional(),
      price: pricing(options).optional(),
      team: team(options).optional(),
      roles: z.array(role(options)).optional(),
      slaDefaultElement: z.string().optional(),
      slaProperties: z.array(slaProperty(options)).optional(),
      ...when(features.rootDefinitions, {
        authoritativeDefinitions: authoritativeDefinitions(options).optional(),
      }),
      customProperties: customProperties(options).optional(),
      contractCreatedTs: dateTimeString(),
    },
    true,
    options,
  );
}

const cache = new Map<string, z.ZodType>();

/** The contract schema of a version, built once. */
export function contractSchemaOf(
  version: OdcsVersion,
  allowUnknownFields: boolean,
): z.ZodType {
  const key = `${version}:${allowUnknownFields}`;
  let schema = cache.get(key);
  if (!schema) {
    schema = contractSchema({
      features: featuresOf(version),
      allowUnknownFields,
    });
    cache.set(key, schema);
  }
  return schema;
}
