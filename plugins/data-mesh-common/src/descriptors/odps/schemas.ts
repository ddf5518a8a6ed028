import { z } from 'zod';
import type { RuleOptions } from '../versions';
import { formats, isObject } from '../validation';

/**
 * Hand-written rules of the Bitol Open Data Product Standard, v0.9.0 and v1.0.0, learnt from
 * the official JSON Schemas. Every object of the standard is closed (no unknown fields),
 * except when the document declares a version newer than the suite knows.
 *
 * What v1.0.0 changed from v0.9.0:
 * - `team` is an object (name, description, members, ...) instead of a list of members, and
 *   a member needs a `username`;
 * - input and output ports may carry tags, customProperties and authoritativeDefinitions;
 * - an authoritative definition's `type` is free text instead of five fixed values;
 * - `apiVersion` may be v0.9.0 or v1.0.0 (the v1.0.0 schema reads v0.9.0 documents too).
 */
export type OdpsRulesVersion = '0.9.0' | '1.0.0';

const V0_9_DEFINITION_TYPES = [
  'businessDefinition',
  'transformationImplementation',
  'videoTutorial',
  'tutorial',
  'implementation',
] as const;

export function odpsDocumentSchema(
  version: OdpsRulesVersion,
  options: RuleOptions,
) {
  const v1 = version === '1.0.0';
  // Closed objects, as in the standard; open when the document is of a newer version.
  const object = <T extends z.core.$ZodLooseShape>(shape: T) =>
    options.allowUnknownFields ? z.looseObject(shape) : z.strictObject(shape);

  const tags = z.array(z.string());

  // `value` may be anything, even null, but must be written: zod reports a missing
  // z.unknown() field as required.
  const customProperty = object({
    property: z.string(),
    value: z.unknown(),
    description: z.string().optional(),
  });
  const customProperties = z.array(customProperty);

  const authoritativeDefinition = object({
    type: v1 ? z.string() : z.enum(V0_9_DEFINITION_TYPES),
    url: formats.uri(),
    description: z.string().optional(),
  });
  const authoritativeDefinitions = z.array(authoritativeDefinition);

  // Fields v1.0.0 added to input and output ports.
  const portExtras = v1
    ? {
        tags: tags.optional(),
        customProperties: customProperties.optional(),
        authoritativeDefinitions: authoritativeDefinitions.optional(),
      }
    : {};
  const extras = {
    tags: tags.optional(),
    customProperties: customProperties.optional(),
    authoritativeDefinitions: authoritativeDefinitions.optional(),
  };

  const inputPort = object({
    name: z.string(),
    version: z.string(),
    contractId: z.string(),
    ...portExtras,
  });

  const outputPort = object({
    name: z.string(),
    description: z.string().optional(),
    type: z.string().optional(),
    version: z.string(),
    contractId: z.string().optional(),
    sbom: z
      .array(object({ type: z.string().optional(), url: formats.uri() }))
      .optional(),
    inputContracts: z
      .array(object({ id: z.string(), version: z.string() }))
      .optional(),
    ...portExtras,
  });

  const managementPort = object({
    name: z.string(),
    content: z.string(),
    type: z.string().optional(),
    url: formats.uri().optional(),
    channel: z.string().optional(),
    description: z.string().optional(),
    ...extras,
  });

  const support = object({
    channel: z.string(),
    url: formats.uri(),
    description: z.string().optional(),
    tool: z.string().optional(),
    scope: z.string().optional(),
    invitationUrl: formats.uri().optional(),
    ...extras,
  });

  const teamMember = object({
    username: v1 ? z.string() : z.string().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
    role: z.string().optional(),
    dateIn: formats.date().optional(),
    dateOut: formats.date().optional(),
    replacedByUsername: z.string().optional(),
    ...extras,
  });

  const team = v1
    ? object({
        name: z.string().optional(),
        description: z.string().optional(),
        members: z.array(teamMember).optional(),
        ...extras,
      })
    : z.array(teamMember);

  return object({
    // Which versions are accepted is the version policy's decision (rules.ts); here only
    // the way a version is written.
    apiVersion: z.string().regex(/^v\d+\.\d+\.\d+$/, {
      error: 'expected a version written as vMAJOR.MINOR.PATCH, such as v1.0.0',
    }),
    kind: z.literal('DataProduct'),
    // The standard allows an empty id; the catalog needs one to name the entity.
    id: z.string().min(1),
    name: z.string().optional(),
    version: z.string().optional(),
    status: z.string(),
    domain: z.string().optional(),
    tenant: z.string().optional(),
    authoritativeDefinitions: authoritativeDefinitions.optional(),
    description: object({
      purpose: z.string().optional(),
      limitations: z.string().optional(),
      usage: z.string().optional(),
      authoritativeDefinitions: authoritativeDefinitions.optional(),
      customProperties: customProperties.optional(),
    }).optional(),
    customProperties: customProperties.optional(),
    tags: tags.optional(),
    inputPorts: z.array(inputPort).optional(),
    outputPorts: z.array(outputPort).optional(),
    managementPorts: z.array(managementPort).optional(),
    support: z.array(support).optional(),
    team: team.optional(),
    productCreatedTs: formats.dateTime().optional(),
  });
}

/** The fields the converter reads; validation has already checked their types. */
export interface OdpsCustomProperty {
  property: string;
  value?: unknown;
  description?: string;
}

export interface OdpsAuthoritativeDefinition {
  type: string;
  url: string;
  description?: string;
}

interface OdpsPortExtras {
  tags?: string[];
  customProperties?: OdpsCustomProperty[];
  authoritativeDefinitions?: OdpsAuthoritativeDefinition[];
}

export interface OdpsInputPort extends OdpsPortExtras {
  name: string;
  version: string;
  contractId: string;
  [field: string]: unknown;
}

export interface OdpsOutputPort extends OdpsPortExtras {
  name: string;
  version: string;
  description?: string;
  type?: string;
  contractId?: string;
  sbom?: Array<{ type?: string; url: string }>;
  inputContracts?: Array<{ id: string; version: string }>;
  [field: string]: unknown;
}

export interface OdpsManagementPort extends OdpsPortExtras {
  name: string;
  content: string;
  type?: string;
  url?: string;
  channel?: string;
  description?: string;
}

export interface OdpsTeamMember {
  username?: string;
  name?: string;
  description?: string;
  role?: string;
}

export interface OdpsDocument {
  apiVersion: string;
  kind: 'DataProduct';
  id: string;
  name?: string;
  version?: string;
  status: string;
  domain?: string;
  tenant?: string;
  authoritativeDefinitions?: OdpsAuthoritativeDefinition[];
  description?: {
    purpose?: string;
    limitations?: string;
    usage?: string;
    authoritativeDefinitions?: OdpsAuthoritativeDefinition[];
  };
  customProperties?: OdpsCustomProperty[];
  tags?: string[];
  inputPorts?: OdpsInputPort[];
  outputPorts?: OdpsOutputPort[];
  managementPorts?: OdpsManagementPort[];
  support?: Array<{
    channel: string;
    url: string;
    description?: string;
    tool?: string;
    scope?: string;
  }>;
  /** A list of members (v0.9.0) or a team object (v1.0.0). */
  team?: OdpsTeamMember[] | { name?: string; members?: OdpsTeamMember[] };
}

/** True for a parsed document that has the shape of an ODPS document's root. */
export function looksLikeOdps(document: unknown): document is OdpsDocument {
  return isObject(document) && document.kind === 'DataProduct';
}
