import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DescriptorParseError,
  parseDescriptor,
} from '@datamesh/plugin-data-mesh-common';
import { basename } from 'node:path';

// Reading a product and its contract back from the catalog, to change them.

/** The file name an entity was read from, so that a change rewrites the same file. */
export function sourceFileName(entity: Entity, fallback: string): string {
  const source = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
  const name = source ? basename(source.replace(/^[a-z]+:/, '')) : '';
  return /^[\w.-]+\.(ya?ml|json)$/.test(name) ? name : fallback;
}

export async function fetchEntity(
  catalog: CatalogService,
  ref: string,
  credentials: BackstageCredentials,
  field: string,
  kind: string,
): Promise<Entity> {
  const entity = await catalog.getEntityByRef(ref, { credentials });
  if (!entity || entity.kind.toLocaleLowerCase('en-US') !== kind) {
    throw new InputError(`${field}: no ${kind} ${ref} in the catalog`);
  }
  return entity;
}

/** The contract document as its team wrote it: the API entity keeps it as its definition. */
export function contractDocument(contract: Entity): Record<string, any> {
  const definition = contract.spec?.definition;
  let document: unknown;
  try {
    document =
      typeof definition === 'string' ? parseDescriptor(definition) : undefined;
  } catch (error) {
    if (!(error instanceof DescriptorParseError)) {
      throw error;
    }
  }
  const apiVersion = (document as { apiVersion?: unknown })?.apiVersion;
  if (
    !document ||
    (document as { kind?: unknown }).kind !== 'DataContract' ||
    typeof apiVersion !== 'string' ||
    !/^v?3\./.test(apiVersion)
  ) {
    throw new InputError(
      `entityRef: the contract ${stringifyEntityRef(
        contract,
      )} is not an ODCS v3 document; the Evolve template changes ODCS contracts`,
    );
  }
  return document as Record<string, any>;
}
