import type { DataProductEntityV1alpha1 } from '../../kinds/DataProductEntityV1alpha1';
import { DATAMESH_API_VERSION, DATA_PRODUCT_KIND } from '../../kinds/constants';
import { descriptorAnnotations, toTags } from '../entities';
import {
  compact,
  entityNameFrom,
  lifecycleFromStatus,
  link,
  nonEmpty,
  nonEmptyList,
  refOrFallback,
} from '../conversion';
import type {
  ConversionContext,
  ConversionResult,
  DescriptorIssue,
} from '../types';
import {
  inlineOutputPorts,
  inputPortFrom,
  ManagementPortKind,
  outputPortFrom,
  PortContext,
} from './ports';
import type { DpdsDocument } from './schemas';
import { slaOf, termsLinks, usageOf } from './terms';

type Link = NonNullable<ReturnType<typeof link>>;

const MANAGEMENT_PORTS: Array<
  [keyof DpdsDocument['interfaceComponents'], ManagementPortKind]
> = [
  ['discoveryPorts', 'discovery'],
  ['observabilityPorts', 'observability'],
  ['controlPorts', 'control'],
];

/**
 * One DataProduct entity from a DPDS document that validation accepted. Internal
 * components (applications, infrastructure) are how the product is built, not what it
 * offers; they stay in the source document, which the entity's annotations point to.
 */
export function convertDpds(
  document: unknown,
  context: ConversionContext,
): ConversionResult {
  const doc = document as DpdsDocument;
  const { info, interfaceComponents: ports } = doc;
  const warnings: DescriptorIssue[] = [];
  const portContext: PortContext = {
    document,
    sourceLocation: context.sourceLocation,
    warnings,
  };

  const outputPorts = [
    ...ports.outputPorts.map((item, i) =>
      outputPortFrom(
        item,
        `interfaceComponents.outputPorts[${i}]`,
        portContext,
      ),
    ),
    ...MANAGEMENT_PORTS.flatMap(([field, kind]) =>
      (ports[field] ?? []).map((item, i) =>
        outputPortFrom(
          item,
          `interfaceComponents.${field}[${i}]`,
          portContext,
          kind,
        ),
      ),
    ),
  ];
  const inputPorts = (ports.inputPorts ?? []).map((item, i) =>
    inputPortFrom(item, `interfaceComponents.inputPorts[${i}]`, portContext),
  );
  const inline = inlineOutputPorts(document, ports.outputPorts);

  const links = [
    link(
      doc.externalDocs?.$href,
      nonEmpty(doc.externalDocs?.description) ?? 'Documentation',
    ),
    ...termsLinks(inline),
  ].filter((l): l is Link => Boolean(l));

  const entity: DataProductEntityV1alpha1 = {
    apiVersion: DATAMESH_API_VERSION,
    kind: DATA_PRODUCT_KIND,
    metadata: compact({
      name: entityNameFrom([info.name, info.fullyQualifiedName]),
      title: nonEmpty(info.displayName) ?? nonEmpty(info.name),
      description: nonEmpty(info.description),
      tags: nonEmptyList(toTags(doc.tags)),
      links: nonEmptyList(links),
      annotations: descriptorAnnotations(
        context,
        'dpds',
        doc.dataProductDescriptor,
        nonEmpty(info.fullyQualifiedName),
      ),
    }),
    spec: compact({
      domain: refOrFallback({
        kind: 'domain',
        field: 'info.domain',
        named: info.domain,
        fallback: context.defaultDomain,
        warnings,
      }),
      owner: refOrFallback({
        kind: 'group',
        field: 'info.owner.id',
        named: info.owner?.id,
        fallback: context.defaultOwner,
        warnings,
      }),
      // DPDS has no status: a published descriptor describes a product in production.
      lifecycle: lifecycleFromStatus(undefined),
      version: nonEmpty(info.version),
      description: nonEmpty(info.description)
        ? { purpose: info.description }
        : undefined,
      outputPorts: nonEmptyList(outputPorts),
      inputPorts: nonEmptyList(inputPorts),
      sla: slaOf(inline),
      usage: usageOf(inline),
      support: nonEmptyList(
        (info.contactPoints ?? []).map(contact =>
          compact({
            channel:
              nonEmpty(contact.name) ?? nonEmpty(contact.channel) ?? 'contact',
            tool: nonEmpty(contact.channel),
            url: nonEmpty(contact.address),
            description: nonEmpty(contact.description),
          }),
        ),
      ),
      team: info.owner?.id
        ? [
            compact({
              username: info.owner.id,
              name: nonEmpty(info.owner.name),
              role: 'owner',
            }),
          ]
        : undefined,
    }),
  };
  return { entities: [entity], warnings };
}
