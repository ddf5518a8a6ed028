import type { JsonObject, JsonValue } from '@backstage/types';
import type {
  ContractObject,
  ContractProperty,
  DataContractSummary,
} from '../entities';
import type { DescriptorIssue } from '../types';
import { isMapping } from './detect';

/*
 * The marketplace's view of a Data Contract Specification document: models, servers,
 * service levels, quality, terms, in the shape shared by every contract standard. Values
 * are kept as written (dates and durations stay the strings they were). Fields that
 * reference a definition (`$ref: '#/definitions/order_id'`) show the definition's type,
 * description and classification, overridden by what the field itself says.
 */

type Mapping = Record<string, unknown>;

const asString = (value: unknown) =>
  typeof value === 'string' ? value : undefined;
const asBoolean = (value: unknown) =>
  typeof value === 'boolean' ? value : undefined;
const asMapping = (value: unknown) => (isMapping(value) ? value : undefined);

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : undefined;
}

function mappingList(value: unknown): JsonObject[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const list = value.filter(isMapping) as JsonObject[];
  return list.length > 0 ? list : undefined;
}

/** Drops keys whose value is undefined, so the summary is plain JSON. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

interface Walk {
  definitions: Mapping;
  warnings: DescriptorIssue[];
  /** Definitions being expanded on the way to the current field: a recursive type stops there. */
  expanding: Set<string>;
  /** Properties still allowed, so references cannot multiply a small file into a huge summary. */
  remaining: number;
}

/** More columns than any contract has; the definition keeps the full text anyway. */
const MAX_PROPERTIES = 5000;

const LOCAL_DEFINITION = /^#\/definitions\/(.+)$/;

/**
 * The field with the definition it references merged under its own values, and the
 * definition's id.
 */
function resolveReference(
  field: Mapping,
  path: string,
  walk: Walk,
): { field: Mapping; definitionId?: string } {
  const ref = field.$ref;
  if (typeof ref !== 'string') {
    return { field };
  }
  const local = LOCAL_DEFINITION.exec(ref);
  // `~1` is JSON Pointer for `/`; from 1.1.0 on a definition id may contain slashes.
  const id = local?.[1].replace(/~1/g, '/').replace(/~0/g, '~');
  const definition =
    id !== undefined && Object.hasOwn(walk.definitions, id)
      ? asMapping(walk.definitions[id])
      : undefined;
  if (!definition) {
    walk.warnings.push({
      path: `${path}.$ref`,
      message: local
        ? `"${ref}" names no definition of this contract; the field shows only what it says itself`
        : `"${ref}" is outside this contract and is not fetched; the field shows only what it says itself`,
    });
    return { field };
  }
  const { $ref: _ref, ...own } = field;
  if (walk.expanding.has(id!)) {
    // A recursive type (a tree of nodes): the definition shows once, its nesting not again.
    const { fields: _f, items: _i, keys: _k, values: _v, ...flat } = definition;
    return { field: { ...flat, ...own } };
  }
  return { field: { ...definition, ...own }, definitionId: id };
}

function examplesOf(field: Mapping): JsonValue[] | undefined {
  if (Array.isArray(field.examples)) {
    return field.examples as JsonValue[];
  }
  // `example` (one value) is the form before 1.1.0.
  return field.example !== undefined ? [field.example as JsonValue] : undefined;
}

/** Parts of a field that are fields themselves: nested fields, array items, map keys and values. */
const NESTED_PARTS = ['items', 'keys', 'values'] as const;

function toProperty(
  name: string,
  raw: unknown,
  path: string,
  walk: Walk,
  primaryKeys: string[] = [],
): ContractProperty {
  const { field, definitionId } = resolveReference(
    asMapping(raw) ?? {},
    path,
    walk,
  );
  if (definitionId) {
    walk.expanding.add(definitionId);
  }
  const nested = [
    ...toProperties(field.fields, `${path}.fields`, walk),
    ...toProperties(
      Object.fromEntries(NESTED_PARTS.map(part => [part, field[part]])),
      path,
      walk,
    ),
  ];
  if (definitionId) {
    walk.expanding.delete(definitionId);
  }
  return compact({
    name,
    logicalType: asString(field.type),
    description: asString(field.description),
    required: asBoolean(field.required),
    unique: asBoolean(field.unique),
    // `primary` is the name before 1.1.0; a model may also list its key's fields.
    primaryKey:
      asBoolean(field.primaryKey) ??
      asBoolean(field.primary) ??
      (primaryKeys.includes(name) ? true : undefined),
    classification: asString(field.classification),
    pii: asBoolean(field.pii),
    tags: stringList(field.tags),
    examples: examplesOf(field),
    properties: nested.length > 0 ? nested : undefined,
    quality: mappingList(field.quality),
  });
}

function toProperties(
  fields: unknown,
  path: string,
  walk: Walk,
  primaryKeys?: string[],
): ContractProperty[] {
  const properties: ContractProperty[] = [];
  for (const [name, field] of Object.entries(asMapping(fields) ?? {})) {
    if (!isMapping(field)) {
      continue;
    }
    if (walk.remaining <= 0) {
      if (walk.remaining === 0) {
        walk.warnings.push({
          path,
          message: `the summary stops after ${MAX_PROPERTIES} fields; the contract's full text is kept`,
        });
        walk.remaining = -1;
      }
      break;
    }
    walk.remaining -= 1;
    properties.push(
      toProperty(name, field, `${path}.${name}`, walk, primaryKeys),
    );
  }
  return properties;
}

function toObjects(models: unknown, walk: Walk): ContractObject[] {
  return Object.entries(asMapping(models) ?? {}).map(([name, raw]) => {
    const model = asMapping(raw) ?? {};
    return compact({
      name,
      // The specification's default model type.
      physicalType: asString(model.type) ?? 'table',
      description: asString(model.description),
      properties: toProperties(
        model.fields,
        `models.${name}.fields`,
        walk,
        stringList(model.primaryKey),
      ),
      quality: mappingList(model.quality),
    });
  });
}

function toServers(servers: unknown): JsonObject[] | undefined {
  const list = Object.entries(asMapping(servers) ?? {})
    .filter(([, server]) => isMapping(server))
    .map(([name, server]) => ({ ...(server as JsonObject), name }));
  return list.length > 0 ? list : undefined;
}

/**
 * Each service level's headline attribute, first found wins. It becomes the entry named
 * after the level (`freshness: 25h`); the level's other attributes become entries named
 * `<level>.<attribute>`, so nothing the contract promises is lost.
 */
const SLA_HEADLINES: Record<string, string[]> = {
  availability: ['percentage'],
  retention: ['period', 'unlimited'],
  latency: ['threshold'],
  freshness: ['threshold'],
  frequency: ['interval', 'cron', 'type'],
  support: ['time', 'responseTime'],
  backup: ['interval', 'cron'],
};

type SlaEntry = NonNullable<DataContractSummary['sla']>[number];

function toSla(servicelevels: unknown): SlaEntry[] | undefined {
  const entries: SlaEntry[] = [];
  for (const [level, raw] of Object.entries(asMapping(servicelevels) ?? {})) {
    const attributes = asMapping(raw);
    if (!attributes) {
      if (raw !== undefined && raw !== null) {
        entries.push({ property: level, value: raw as JsonValue });
      }
      continue;
    }
    const headline = (SLA_HEADLINES[level] ?? []).find(
      name => attributes[name] !== undefined && attributes[name] !== null,
    );
    // A single timestamp field is the column the level is measured on.
    const element = asString(attributes.timestampField);
    if (headline) {
      entries.push(
        compact({
          property: level,
          value: attributes[headline] as JsonValue,
          element,
        }),
      );
    }
    for (const [name, value] of Object.entries(attributes)) {
      const usedAsElement = name === 'timestampField' && headline;
      if (name !== headline && !usedAsElement && value !== undefined) {
        entries.push({
          property: `${level}.${name}`,
          value: value as JsonValue,
        });
      }
    }
  }
  return entries.length > 0 ? entries : undefined;
}

/** The contract-wide quality: 0.9.x's `{type, specification}` block, or a list. */
function toQuality(quality: unknown): JsonObject[] | undefined {
  return isMapping(quality) ? [quality as JsonObject] : mappingList(quality);
}

export function dcsSummary(
  document: Mapping,
  declaredVersion: string,
  warnings: DescriptorIssue[],
): DataContractSummary {
  const info = asMapping(document.info) ?? {};
  const terms = asMapping(document.terms);
  const walk: Walk = {
    definitions: asMapping(document.definitions) ?? {},
    warnings,
    expanding: new Set(),
    remaining: MAX_PROPERTIES,
  };
  const description = compact({
    purpose: asString(info.description),
    usage: asString(terms?.usage),
    limitations: asString(terms?.limitations),
  });
  const contact = asMapping(info.contact);
  const owner = asString(info.owner);
  return compact({
    standard: 'dcs' as const,
    version: declaredVersion,
    id: asString(document.id) ?? '',
    title: asString(info.title),
    contractVersion: asString(info.version),
    status: asString(info.status),
    // 0.9.0 named the data product whose output port serves the contract.
    dataProduct: asString(info.dataProduct),
    description: Object.keys(description).length > 0 ? description : undefined,
    objects: toObjects(document.models, walk),
    servers: toServers(document.servers),
    sla: toSla(document.servicelevels),
    quality: toQuality(document.quality),
    terms: terms as JsonObject | undefined,
    support: contact ? [contact as JsonObject] : undefined,
    team: owner ? [{ name: owner, role: 'owner' }] : undefined,
    tags: stringList(document.tags),
  });
}
