import type { JsonObject, JsonValue } from '@backstage/types';
import {
  contractApiEntity,
  ContractObject,
  ContractProperty,
  DataContractSummary,
  descriptorAnnotations,
  toEntityName,
  toTags,
} from '../entities';
import type {
  ConversionContext,
  ConversionResult,
  DescriptorIssue,
} from '../types';
import { lifecycleFromStatus, refOrFallback } from '../conversion';
import { isRecord } from './shapes';
import { normaliseV2 } from './v2/normalise';
import { v2VersionOf } from './v2/version';

/** Owner of a contract that names none and was read without a default owner. */
export const UNKNOWN_OWNER = 'unknown';

type Json = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;
const flag = (value: unknown): boolean | undefined =>
  typeof value === 'boolean' ? value : undefined;
const records = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];
const strings = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
/** A list, or nothing when it is empty: the summary leaves out what a contract does not say. */
const nonEmpty = <T>(values: T[]): T[] | undefined =>
  values.length > 0 ? values : undefined;

/** Drops the fields a contract does not set, so the summary holds only what it says. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/** A part of the document as JSON for the summary (the parser gives only JSON values). */
const asJson = (value: Json): JsonObject => value as JsonObject;

function toProperty(raw: Json, name: string): ContractProperty {
  const nested = records(raw.properties).map((property, index) =>
    toProperty(property, text(property.name) ?? `property ${index + 1}`),
  );
  // Array items and map keys and values have no name of their own: they are named by role.
  if (isRecord(raw.items)) {
    nested.push(toProperty(raw.items, 'items'));
  }
  if (isRecord(raw.map)) {
    for (const part of ['key', 'value'] as const) {
      const element = raw.map[part];
      if (isRecord(element)) {
        nested.push(toProperty(element, part));
      }
    }
  }
  return compact({
    name,
    logicalType: text(raw.logicalType),
    physicalType: text(raw.physicalType),
    description: text(raw.description),
    required: flag(raw.required),
    unique: flag(raw.unique),
    primaryKey: flag(raw.primaryKey),
    classification: text(raw.classification),
    criticalDataElement: flag(raw.criticalDataElement),
    tags: nonEmpty(strings(raw.tags)),
    examples: Array.isArray(raw.examples)
      ? nonEmpty(raw.examples as JsonValue[])
      : undefined,
    properties: nonEmpty(nested),
    quality: nonEmpty(records(raw.quality).map(asJson)),
  });
}

function toObject(raw: Json, index: number): ContractObject {
  return compact({
    name: text(raw.name) ?? `object ${index + 1}`,
    physicalName: text(raw.physicalName),
    physicalType: text(raw.physicalType),
    description: text(raw.description),
    properties: records(raw.properties).map((property, i) =>
      toProperty(property, text(property.name) ?? `property ${i + 1}`),
    ),
    quality: nonEmpty(records(raw.quality).map(asJson)),
  });
}

/** v3.0 lists the team's members; v3.1+ has a team object with `members` (or the old list). */
function teamOf(document: Json): { name?: string; members: Json[] } {
  const { team } = document;
  if (Array.isArray(team)) {
    return { members: records(team) };
  }
  if (isRecord(team)) {
    return { name: text(team.name), members: records(team.members) };
  }
  return { members: [] };
}

function slaOf(document: Json): DataContractSummary['sla'] {
  // slaDefaultElement names the element of every SLA property that names none.
  const defaultElement = text(document.slaDefaultElement);
  return nonEmpty(
    records(document.slaProperties).map(property =>
      compact({
        property: text(property.property) ?? '',
        value: (property.value ?? null) as JsonValue,
        unit: text(property.unit),
        element: text(property.element) ?? defaultElement,
      }),
    ),
  );
}

/** Price and the roles that give access: what a consumer agrees to, as the contract states it. */
function termsOf(document: Json): JsonObject | undefined {
  const terms = compact({
    price: isRecord(document.price) ? asJson(document.price) : undefined,
    roles: nonEmpty(records(document.roles).map(asJson)),
  });
  return Object.keys(terms).length > 0 ? (terms as JsonObject) : undefined;
}

function descriptionOf(
  document: Json,
): DataContractSummary['description'] | undefined {
  if (!isRecord(document.description)) {
    return undefined;
  }
  const { purpose, limitations, usage } = document.description;
  const description = compact({
    purpose: text(purpose),
    limitations: text(limitations),
    usage: text(usage),
  });
  return Object.keys(description).length > 0 ? description : undefined;
}

/** A valid entity name from the contract's id, else its name, else a stable digest of the id. */
function entityNameOf(document: Json, warnings: DescriptorIssue[]): string {
  const id = String(document.id ?? '');
  for (const candidate of [id, text(document.name)]) {
    if (candidate) {
      try {
        const name = toEntityName(candidate);
        if (candidate !== id) {
          warnings.push({
            path: 'id',
            message: `cannot make an entity name from id "${id}"; named the entity ${name} after the contract's name`,
          });
        }
        return name;
      } catch {
        // next candidate
      }
    }
  }
  const name = `data-contract-${digest(id)}`;
  warnings.push({
    path: 'id',
    message: `cannot make an entity name from id "${id}"; named the entity ${name}`,
  });
  return name;
}

/** FNV-1a, as hex: a short stable digest without Node's crypto (the package is isomorphic). */
function digest(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The value of one of the contract's custom properties, e.g. the suite's `owner`. */
function customProperty(contract: Json, name: string): unknown {
  return records(contract.customProperties).find(p => p.property === name)
    ?.value;
}

/**
 * ODCS has no owner field. The owner is the suite's `owner` custom property (as ODPS
 * descriptors carry it), else the team's name (team.name, ODCS v3.1+), else the catalog
 * location's default owner, else `unknown` with a warning.
 */
function ownerOf(
  contract: Json,
  teamName: string | undefined,
  context: ConversionContext,
  warnings: DescriptorIssue[],
): string {
  const owner = customProperty(contract, 'owner');
  return refOrFallback({
    kind: 'group',
    field: owner === undefined ? 'team.name' : 'customProperties',
    named: owner ?? teamName,
    fallback: context.defaultOwner,
    warnings,
  });
}

/**
 * ODCS v2 has connection credentials among its fields. The summary leaves them out, but the
 * definition is the document as written, readable by whoever reads the catalog.
 */
function credentialWarnings(contract: Json): DescriptorIssue[] {
  const placeholder = /^\$\{[^}]*\}$/;
  return (['username', 'password'] as const)
    .filter(field => {
      const value = contract[field];
      return (
        typeof value === 'string' && value !== '' && !placeholder.test(value)
      );
    })
    .map(field => ({
      path: field,
      message: `the contract states a ${field}; the catalog keeps the contract as written, so anyone who can read the entity can read it: use a placeholder such as \${env.${field}}`,
    }));
}

/**
 * Converts a contract that validateOdcs accepted into one `API` entity of type data-contract:
 * the entity's own fields say what the catalog needs (name, title, owner, lifecycle, tags),
 * the summary what the marketplace shows, and the definition keeps the document as written.
 */
export function convertOdcs(
  document: unknown,
  context: ConversionContext,
): ConversionResult {
  const warnings: DescriptorIssue[] = [];
  let contract: Json = isRecord(document) ? document : {};
  const v2 = v2VersionOf(contract);
  if (v2) {
    warnings.push(...credentialWarnings(contract));
    // A v2 contract that states no version was validated as the last v2 version.
    contract = normaliseV2(contract, v2.version || 'v2.2.2');
  }
  const declaredVersion = String(contract.apiVersion ?? '');
  const id = String(contract.id ?? '');
  const team = teamOf(contract);
  const description = descriptionOf(contract);
  const title = text(contract.name) ?? text(contract.dataProduct);

  const summary: DataContractSummary = compact({
    standard: 'odcs' as const,
    version: declaredVersion,
    id,
    title,
    contractVersion: text(contract.version),
    status: text(contract.status),
    domain: text(contract.domain),
    dataProduct: text(contract.dataProduct),
    description,
    objects: records(contract.schema).map(toObject),
    servers: nonEmpty(records(contract.servers).map(asJson)),
    sla: slaOf(contract),
    terms: termsOf(contract),
    support: nonEmpty(records(contract.support).map(asJson)),
    team: nonEmpty(team.members.map(asJson)),
    tags: nonEmpty(strings(contract.tags)),
  });

  const entity = contractApiEntity({
    name: entityNameOf(contract, warnings),
    title,
    description: description?.purpose,
    owner: ownerOf(contract, team.name, context, warnings),
    lifecycle: lifecycleFromStatus(contract.status),
    tags: toTags(contract.tags),
    annotations: descriptorAnnotations(context, 'odcs', declaredVersion, id),
    rawText: context.rawText,
    summary,
  });
  return { entities: [entity], warnings };
}
