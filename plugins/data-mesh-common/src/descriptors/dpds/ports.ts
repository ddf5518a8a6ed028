import type { JsonObject, JsonValue } from '@backstage/types';
import type {
  InputPort,
  OutputPort,
} from '../../kinds/DataProductEntityV1alpha1';
import {
  compact,
  entityNameOrUndefined,
  nonEmpty,
  outputPortType,
} from '../conversion';
import { isObject } from '../validation';
import type { DescriptorIssue } from '../types';
import {
  nameFromRef,
  refAddress,
  resolveComponent,
  ResolvedComponent,
} from './references';
import type { DpdsObject } from './schemas';

/**
 * The interface ports that are not ways to consume the data (DPDS discovery, observability
 * and control ports). The kind has no field for them, so they are kept as ports whose
 * `details.portKind` says which they are, which the marketplace can tell apart.
 */
export type ManagementPortKind = 'discovery' | 'observability' | 'control';

export interface PortContext {
  document: unknown;
  sourceLocation?: string;
  warnings: DescriptorIssue[];
}

/** A port's inline part (promises, expectations, obligations), unless it is a reference. */
export function inlinePart(
  port: DpdsObject | undefined,
  ...names: string[]
): DpdsObject | undefined {
  for (const name of names) {
    const part = port?.[name];
    if (isObject(part) && !('$ref' in part)) {
      return part;
    }
  }
  return undefined;
}

/** Obligations; the 1.0.0-DRAFT called them contracts. */
export const obligationsOf = (port: DpdsObject | undefined) =>
  inlinePart(port, 'obligations', 'contracts');

/** The port's parts the kind has no field for, kept as they were. */
function portDetails(
  component: ResolvedComponent,
  item: DpdsObject,
  extra: JsonObject,
): JsonObject | undefined {
  const port = component.inline ?? {};
  const details = compact({
    ...extra,
    $ref: component.ref,
    mediaType: component.inline ? undefined : nonEmpty(item.mediaType),
    fullyQualifiedName: nonEmpty(port.fullyQualifiedName),
    displayName: nonEmpty(port.displayName),
    promises: port.promises as JsonValue | undefined,
    expectations: port.expectations as JsonValue | undefined,
    obligations: (port.obligations ?? port.contracts) as JsonValue | undefined,
    tags: port.tags as JsonValue | undefined,
    externalDocs: port.externalDocs as JsonValue | undefined,
  });
  return Object.keys(details).length > 0 ? details : undefined;
}

function portName(
  component: ResolvedComponent,
  path: string,
  ctx: PortContext,
) {
  const named = nonEmpty(component.inline?.name);
  if (named) {
    return named;
  }
  if (component.ref) {
    return nameFromRef(component.ref);
  }
  const made = path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '');
  ctx.warnings.push({
    path,
    message: `a port without a name is named "${made}"`,
  });
  return made;
}

/**
 * An output port (or a discovery, observability or control port). A port in another file
 * stays a port that records its `$ref`; its address is where the reference points.
 */
export function outputPortFrom(
  item: DpdsObject,
  path: string,
  ctx: PortContext,
  portKind?: ManagementPortKind,
): OutputPort {
  const component = resolveComponent(ctx.document, item);
  const port = component.inline;
  const promises = inlinePart(port, 'promises');
  const api = isObject(promises?.api) ? promises!.api : undefined;
  const apiRef =
    isObject(api?.definition) && typeof api!.definition.$ref === 'string'
      ? api!.definition.$ref
      : undefined;
  const externalRef = port ? undefined : component.ref;
  const address = apiRef ?? externalRef;
  return compact({
    name: portName(component, path, ctx),
    // The corpus writes `serviceType`; the specification `servicesType`.
    ...outputPortType(
      promises?.servicesType ?? promises?.serviceType ?? api?.specification,
    ),
    description: nonEmpty(port?.description) ?? nonEmpty(item.description),
    address: address ? refAddress(address, ctx.sourceLocation) : undefined,
    version: nonEmpty(port?.version),
    details: portDetails(component, item, portKind ? { portKind } : {}),
  });
}

/**
 * The upstream data product an input port reads, when its fully qualified name is that of
 * another product's output port: `urn:dpds:<org>:dataproducts:<product>:<major>:outputports:<port>`.
 */
function upstreamProduct(fullyQualifiedName: unknown): string | undefined {
  const match = /^urn:dpds:[^:]+:dataproducts:([^:]+):[^:]+:outputports:/i.exec(
    nonEmpty(fullyQualifiedName) ?? '',
  );
  const name = match ? entityNameOrUndefined(match[1]) : undefined;
  return name ? `dataproduct:default/${name}` : undefined;
}

export function inputPortFrom(
  item: DpdsObject,
  path: string,
  ctx: PortContext,
): InputPort {
  const component = resolveComponent(ctx.document, item);
  const port = component.inline;
  return compact({
    name: portName(component, path, ctx),
    description: nonEmpty(port?.description) ?? nonEmpty(item.description),
    dataProduct: upstreamProduct(port?.fullyQualifiedName),
    version: nonEmpty(port?.version),
    details: portDetails(component, item, {}),
  });
}

/** The inline output ports with their names, for the product's SLA and usage terms. */
export function inlineOutputPorts(
  document: unknown,
  items: DpdsObject[],
): Array<{ name: string; port: DpdsObject }> {
  return items.flatMap(item => {
    const { inline } = resolveComponent(document, item);
    const name = nonEmpty(inline?.name);
    return inline && name ? [{ name, port: inline }] : [];
  });
}
