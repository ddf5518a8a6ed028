import { z } from 'zod';
import { formats, humanMessages, isObject } from '../validation';

/**
 * Hand-written rules of the Open Data Mesh Data Product Descriptor Specification 1.0.0,
 * learnt from its official JSON Schema. DPDS objects are open: fields the specification
 * does not define (`x-` extensions, and others) are allowed everywhere, so a newer minor
 * version needs no looser variant.
 *
 * Where the specification allows "a reference or an inline object" it means exactly one
 * of them: an object with `$ref` is a reference; if it is also a complete inline object,
 * the official schema refuses it, and so do we.
 */

/** A Reference Object: `$ref` to a component in this document or in another file. */
const reference = z.looseObject({
  $ref: formats.uriReference(),
  mediaType: z.string().optional(),
  description: z.string().optional(),
});

/** An External Resource Object: a link to documentation or a standard. */
const externalResource = z.looseObject({
  description: z.string().optional(),
  mediaType: z.string().optional(),
  $href: formats.uri(),
});

function orReference(inline: z.ZodType, what: string) {
  return z.unknown().superRefine((value, ctx) => {
    const isReference = isObject(value) && '$ref' in value;
    const result = (isReference ? reference : inline).safeParse(value, {
      error: humanMessages,
    });
    if (!result.success) {
      for (const issue of result.error.issues) {
        ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0]);
      }
    } else if (isReference && inline.safeParse(value).success) {
      ctx.addIssue({
        code: 'custom',
        message: `expected either a reference ($ref) or an inline ${what}, not an object that is both`,
      });
    }
  });
}

/** Fields every DPDS component has; name and version are required. */
const componentFields = {
  id: formats.uuid().optional(),
  fullyQualifiedName: z.string().optional(),
  entityType: z.string().optional(),
  name: z.string(),
  version: z.string(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  componentGroup: z.string().optional(),
  tags: z.array(z.string()).optional(),
  externalDocs: externalResource.optional(),
};

/** A Standard Definition Object: an API, a policy or a template in a named specification. */
const standardDefinition = z.looseObject({
  ...componentFields,
  specification: z.string(),
  specificationVersion: z.string().optional(),
  definition: z.union([z.record(z.string(), z.unknown()), z.string()], {
    error: 'expected an object or a string (the definition, or a $ref to it)',
  }),
});

const promises = z.looseObject({
  platform: z.string().optional(),
  servicesType: z.string().optional(),
  api: standardDefinition.optional(),
  deprecationPolicy: standardDefinition.optional(),
  slo: standardDefinition.optional(),
});

const expectations = z.looseObject({
  audience: standardDefinition.optional(),
  usage: standardDefinition.optional(),
});

const obligations = z.looseObject({
  termsAndConditions: standardDefinition.optional(),
  billingPolicy: standardDefinition.optional(),
  sla: standardDefinition.optional(),
});

const port = z.looseObject({
  ...componentFields,
  promises: orReference(promises, 'promises object').optional(),
  expectations: orReference(expectations, 'expectations object').optional(),
  obligations: orReference(obligations, 'obligations object').optional(),
});
const portOrReference = orReference(port, 'port (with name and version)');
const ports = z.array(portOrReference);

const applicationComponent = z.looseObject({
  ...componentFields,
  platform: z.string().optional(),
  applicationType: z.string().optional(),
  consumesFrom: z.array(z.string()).optional(),
  providesTo: z.array(z.string()).optional(),
  dependsOn: z.array(z.string()).optional(),
});
const infrastructuralComponent = z.looseObject({
  ...componentFields,
  platform: z.string().optional(),
  infrastructureType: z.string().optional(),
  dependsOn: z.array(z.string()).optional(),
});
const applicationOrReference = orReference(
  applicationComponent,
  'application component (with name and version)',
);
const infrastructureOrReference = orReference(
  infrastructuralComponent,
  'infrastructural component (with name and version)',
);

const lifecycleTaskInfo = z.looseObject({
  name: z.string().optional(),
  order: z.number().optional(),
  service: externalResource.optional(),
  template: orReference(
    standardDefinition,
    'template (a standard definition)',
  ).optional(),
  configurations: orReference(
    z.record(z.string(), z.unknown()),
    'configurations object',
  ).optional(),
});

const byName = (item: z.ZodType) => z.record(z.string(), item).optional();

export const dpdsDocumentSchema = z.looseObject({
  dataProductDescriptor: z.string(),
  info: z.looseObject({
    id: formats.uuid().optional(),
    fullyQualifiedName: z.string(),
    entityType: z.string().optional(),
    name: z.string(),
    version: z.string(),
    displayName: z.string().optional(),
    description: z.string().optional(),
    domain: z.string(),
    owner: z.looseObject({ id: z.string(), name: z.string().optional() }),
    contactPoints: z
      .array(
        z.looseObject({
          name: z.string().optional(),
          description: z.string().optional(),
          channel: z.string().optional(),
          address: z.string().optional(),
        }),
      )
      .optional(),
  }),
  interfaceComponents: z.looseObject({
    inputPorts: ports.optional(),
    outputPorts: ports,
    discoveryPorts: ports.optional(),
    observabilityPorts: ports.optional(),
    controlPorts: ports.optional(),
  }),
  internalComponents: z
    .looseObject({
      lifecycleInfo: z
        .record(z.string(), z.array(lifecycleTaskInfo))
        .optional(),
      applicationComponents: z.array(applicationOrReference).optional(),
      infrastructuralComponents: z.array(infrastructureOrReference).optional(),
    })
    .optional(),
  components: z
    .looseObject({
      inputPorts: byName(portOrReference),
      outputPorts: byName(portOrReference),
      discoveryPorts: byName(portOrReference),
      observabilityPorts: byName(portOrReference),
      controlPorts: byName(portOrReference),
      applicationComponents: byName(applicationOrReference),
      infrastructuralComponents: byName(infrastructureOrReference),
    })
    .optional(),
  tags: z.array(z.string()).optional(),
  externalDocs: externalResource.optional(),
});

/** A DPDS object as the converter reads it: open, with the fields validation checked. */
export type DpdsObject = Record<string, unknown>;

export interface DpdsDocument {
  dataProductDescriptor: string;
  info: {
    fullyQualifiedName: string;
    name: string;
    version: string;
    displayName?: string;
    description?: string;
    domain: string;
    owner: { id: string; name?: string };
    contactPoints?: Array<{
      name?: string;
      description?: string;
      channel?: string;
      address?: string;
    }>;
  };
  interfaceComponents: {
    inputPorts?: DpdsObject[];
    outputPorts: DpdsObject[];
    discoveryPorts?: DpdsObject[];
    observabilityPorts?: DpdsObject[];
    controlPorts?: DpdsObject[];
  };
  components?: Record<string, Record<string, DpdsObject> | undefined>;
  tags?: string[];
  externalDocs?: { $href: string; description?: string };
}
