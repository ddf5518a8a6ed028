import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { OutputPort } from '@datamesh/plugin-data-mesh-common';
import { z } from 'zod';
import type { InputPortAnswer } from '../product/answers';

/** What the create action needs of an upstream product; the rest of the entity is not read. */
const upstreamSpec = z.object({
  version: z.string().optional(),
  outputPorts: z
    .array(z.object({ contractId: z.string().optional() }).passthrough())
    .optional(),
});

async function requireEntity(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  field: string,
  ref: string,
  kind: string,
): Promise<Entity> {
  let entity: Entity | undefined;
  try {
    entity = await catalog.getEntityByRef(ref, { credentials });
  } catch (error) {
    throw new InputError(
      `${field}: "${ref}" is not an entity reference`,
      error,
    );
  }
  if (!entity || entity.kind.toLocaleLowerCase('en-US') !== kind) {
    throw new InputError(
      `${field}: no ${kind} ${ref} in the catalog; pick one the catalog has`,
    );
  }
  return entity;
}

/** The input port for an upstream product: its name, version and the contract read. */
function inputPortFor(
  ref: string,
  upstream: Entity,
  field: string,
): InputPortAnswer {
  const spec = upstreamSpec.safeParse(upstream.spec ?? {});
  if (!spec.success) {
    throw new InputError(
      `${field}: ${ref} is not a data product the mesh can read: ${spec.error.issues
        .map(i => `spec.${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const ports = (spec.data.outputPorts ?? []) as Array<Partial<OutputPort>>;
  const contractId = ports.find(p => p.contractId)?.contractId;
  if (!contractId) {
    throw new InputError(
      `${field}: ${ref} has no output port with a contract to read from`,
    );
  }
  return {
    name: upstream.metadata.name,
    dataProduct: stringifyEntityRef(upstream),
    version: spec.data.version ?? '1.0.0',
    contractId,
  };
}

/**
 * Looks up what the answers refer to in the catalog, as the person running the template
 * sees it: the name must be free, the domain and owner must exist, and each upstream
 * product becomes an input port with its version and contract.
 */
export async function resolveProductContext(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  name: string;
  domain: string;
  owner: string;
  inputs: string[];
}): Promise<{ upstream: Entity[]; inputPorts: InputPortAnswer[] }> {
  const { catalog, credentials } = options;
  const existing = await catalog.getEntityByRef(
    { kind: 'DataProduct', namespace: 'default', name: options.name },
    { credentials },
  );
  if (existing) {
    throw new ConflictError(
      `name: a data product named ${options.name} already exists (owned by ${
        existing.spec?.owner ?? 'unknown'
      }); choose another name, or change that product with the Evolve a data product template`,
    );
  }
  await requireEntity(catalog, credentials, 'domain', options.domain, 'domain');
  await requireEntity(catalog, credentials, 'owner', options.owner, 'group');
  const upstream: Entity[] = [];
  const inputPorts: InputPortAnswer[] = [];
  for (const [i, ref] of options.inputs.entries()) {
    const field = `inputs[${i}]`;
    const entity = await requireEntity(
      catalog,
      credentials,
      field,
      ref,
      'dataproduct',
    );
    upstream.push(entity);
    inputPorts.push(inputPortFor(ref, entity, field));
  }
  return { upstream, inputPorts };
}
