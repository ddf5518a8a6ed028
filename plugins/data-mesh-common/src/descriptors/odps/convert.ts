import type { JsonObject, JsonValue } from '@backstage/types';
import type {
  DataProductEntityV1alpha1,
  InputPort,
  OutputPort,
  SupportChannel,
  TeamMember,
} from '../../kinds/DataProductEntityV1alpha1';
import { DATAMESH_API_VERSION, DATA_PRODUCT_KIND } from '../../kinds/constants';
import { descriptorAnnotations, toTags } from '../entities';
import type {
  ConversionContext,
  ConversionResult,
  DescriptorIssue,
} from '../types';
import {
  SUITE_PROPERTY_NAMES,
  findCustomProperty,
  readSuiteConventions,
} from './customProperties';
import type {
  OdpsAuthoritativeDefinition,
  OdpsCustomProperty,
  OdpsDocument,
  OdpsInputPort,
  OdpsManagementPort,
  OdpsOutputPort,
  OdpsTeamMember,
} from './schemas';
import {
  compact,
  entityNameFrom,
  entityNameOrUndefined,
  entityRef,
  lifecycleFromStatus,
  link,
  nonEmpty,
  nonEmptyList,
  outputPortType,
  refOrFallback,
} from '../conversion';

type Link = NonNullable<ReturnType<typeof link>>;

/** The `API` entity an ODPS port's contractId points at (the ODCS contract's id). */
function contractRef(contractId: unknown): string | undefined {
  const name = entityNameOrUndefined(contractId);
  return name ? `api:default/${name}` : undefined;
}

/** A port's field, or the custom property of that name (ODPS ports are closed objects). */
function portValue(
  port: { customProperties?: OdpsCustomProperty[]; [field: string]: unknown },
  name: string,
): unknown {
  return port[name] ?? findCustomProperty(port.customProperties, name)?.value;
}

const ADDRESS_FIELDS = ['address', 'server', 'url', 'location'];

/** Where to consume a port, when the descriptor says: a string, or a server's url/host. */
function portAddress(port: OdpsOutputPort): string | undefined {
  for (const field of ADDRESS_FIELDS) {
    const value = portValue(port, field);
    if (typeof value === 'object' && value !== null) {
      const server = value as Record<string, unknown>;
      const found = ['url', 'location', 'host', 'address']
        .map(key => nonEmpty(server[key]))
        .find(Boolean);
      if (found) {
        return found;
      }
    } else if (nonEmpty(value)) {
      return value as string;
    }
  }
  return undefined;
}

/** The parts of a port the kind has no field for, kept as they were. */
function portDetails(
  port: Record<string, unknown>,
  fields: string[],
): JsonObject | undefined {
  const details = compact(
    Object.fromEntries(
      fields.map(field => [field, port[field] as JsonValue | undefined]),
    ),
  );
  return Object.keys(details).length > 0 ? details : undefined;
}

const PORT_EXTRAS = ['tags', 'customProperties', 'authoritativeDefinitions'];

/** A port's name; the kind needs one, the standard allows an empty string. */
function portName(
  name: unknown,
  path: string,
  warnings: DescriptorIssue[],
): string {
  const given = nonEmpty(name);
  if (given) {
    return given;
  }
  const made = path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '');
  warnings.push({ path, message: `a port without a name is named "${made}"` });
  return made;
}

function outputPort(
  port: OdpsOutputPort,
  path: string,
  warnings: DescriptorIssue[],
): OutputPort {
  return compact({
    name: portName(port.name, path, warnings),
    ...outputPortType(port.type),
    description: nonEmpty(port.description),
    address: portAddress(port),
    version: nonEmpty(port.version),
    contract: contractRef(port.contractId),
    contractId: nonEmpty(port.contractId),
    details: portDetails(port, ['sbom', 'inputContracts', ...PORT_EXTRAS]),
  });
}

/**
 * A management port (discoverability, observability, control, dictionary) is not a way to
 * consume the data, but the kind has no field of its own for it: it is kept as a port whose
 * `details.portKind` says so, which the marketplace and governance rules can tell apart.
 */
function managementPort(
  port: OdpsManagementPort,
  path: string,
  warnings: DescriptorIssue[],
): OutputPort {
  return compact({
    name: portName(port.name, path, warnings),
    ...outputPortType(port.type ?? 'rest'),
    description: nonEmpty(port.description),
    address: nonEmpty(port.url) ?? nonEmpty(port.channel),
    details: {
      portKind: 'management',
      ...portDetails(port as unknown as Record<string, unknown>, [
        'content',
        'channel',
        ...PORT_EXTRAS,
      ]),
    },
  });
}

function inputPort(
  port: OdpsInputPort,
  path: string,
  warnings: DescriptorIssue[],
): InputPort {
  return compact({
    name: portName(port.name, path, warnings),
    dataProduct: entityRef('dataproduct', portValue(port, 'dataProduct'), [
      'dataproduct',
    ]),
    source: nonEmpty(portValue(port, 'source')),
    version: nonEmpty(port.version),
    contractId: nonEmpty(port.contractId),
    details: portDetails(port, PORT_EXTRAS),
  });
}

function teamMembers(team: OdpsDocument['team']): TeamMember[] | undefined {
  const members: OdpsTeamMember[] = Array.isArray(team)
    ? team
    : team?.members ?? [];
  return nonEmptyList(
    members.map(m =>
      compact({
        username: nonEmpty(m.username),
        name: nonEmpty(m.name),
        role: nonEmpty(m.role),
        description: nonEmpty(m.description),
      }),
    ),
  );
}

function definitionLinks(
  definitions: OdpsAuthoritativeDefinition[] | undefined,
): Link[] {
  return (definitions ?? [])
    .map(d => link(d.url, nonEmpty(d.description) ?? d.type, d.type))
    .filter((l): l is Link => Boolean(l));
}

/** Custom properties the suite does not read, whose value is a URL, become links. */
function customPropertyLinks(properties: OdpsCustomProperty[] | undefined) {
  return (properties ?? [])
    .filter(p => !SUITE_PROPERTY_NAMES.includes(p.property))
    .map(p => link(p.value, nonEmpty(p.description) ?? p.property))
    .filter((l): l is Link => Boolean(l));
}

/** One DataProduct entity from an ODPS document that validation accepted. */
export function convertOdps(
  document: unknown,
  context: ConversionContext,
): ConversionResult {
  const doc = document as OdpsDocument;
  const warnings: DescriptorIssue[] = [];
  const conventions = readSuiteConventions(doc.customProperties, warnings);
  const teamName = Array.isArray(doc.team) ? undefined : doc.team?.name;

  const owner = refOrFallback({
    kind: 'group',
    field: !conventions.owner && teamName ? 'team.name' : 'customProperties',
    named: conventions.owner ?? teamName,
    fallback: context.defaultOwner,
    warnings,
  });
  const domain = refOrFallback({
    kind: 'domain',
    field: 'domain',
    named: doc.domain,
    fallback: context.defaultDomain,
    warnings,
  });

  const links = [
    ...definitionLinks(doc.authoritativeDefinitions),
    ...definitionLinks(doc.description?.authoritativeDefinitions),
    ...customPropertyLinks(doc.customProperties),
  ];
  const tags = toTags(doc.tags);
  const description = compact({
    purpose: nonEmpty(doc.description?.purpose),
    limitations: nonEmpty(doc.description?.limitations),
    usage: nonEmpty(doc.description?.usage),
  });
  const usage = compact({
    license: conventions.license,
    redistribution: conventions.redistribution,
  });

  const entity: DataProductEntityV1alpha1 = {
    apiVersion: DATAMESH_API_VERSION,
    kind: DATA_PRODUCT_KIND,
    metadata: compact({
      name: entityNameFrom([doc.name, doc.id]),
      title: nonEmpty(doc.name),
      description: description.purpose,
      tags: nonEmptyList(tags),
      links: nonEmptyList(links),
      annotations: descriptorAnnotations(
        context,
        'odps',
        doc.apiVersion,
        doc.id,
      ),
    }),
    spec: compact({
      domain,
      owner,
      lifecycle: lifecycleFromStatus(doc.status),
      type: conventions.type,
      version: nonEmpty(doc.version),
      classification: conventions.classification,
      description:
        Object.keys(description).length > 0 ? description : undefined,
      outputPorts: nonEmptyList([
        ...(doc.outputPorts ?? []).map((port, i) =>
          outputPort(port, `outputPorts[${i}]`, warnings),
        ),
        ...(doc.managementPorts ?? []).map((port, i) =>
          managementPort(port, `managementPorts[${i}]`, warnings),
        ),
      ]),
      inputPorts: nonEmptyList(
        (doc.inputPorts ?? []).map((port, i) =>
          inputPort(port, `inputPorts[${i}]`, warnings),
        ),
      ),
      sla: conventions.updateFrequency
        ? { updateFrequency: conventions.updateFrequency }
        : undefined,
      usage: Object.keys(usage).length > 0 ? usage : undefined,
      support: nonEmptyList(
        (doc.support ?? []).map(
          (s): SupportChannel =>
            compact({
              channel: nonEmpty(s.channel) ?? nonEmpty(s.tool) ?? 'support',
              url: nonEmpty(s.url),
              tool: nonEmpty(s.tool),
              scope: nonEmpty(s.scope),
              description: nonEmpty(s.description),
            }),
        ),
      ),
      team: teamMembers(doc.team),
    }),
  };
  return { entities: [entity], warnings };
}
