import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { normalizeEntityRef } from './entityRefs';

/** Kinds that consume data on behalf of a team. */
const WORKLOAD_KINDS = ['component', 'system'];

/**
 * Who the access is for. A requester asks for themselves (the default), for one of their
 * groups, or for a component or system they own; asking for anyone else would let them hand
 * access to others, so that is refused (403). A consumer the catalog does not know, or of a
 * kind that cannot consume, is a bad request (400).
 */
export async function resolveConsumer(options: {
  catalog: CatalogService;
  requested: string | undefined;
  /** The caller's user ref and ownership refs (their groups), normalized. */
  userEntityRef: string;
  ownershipRefs: string[];
  credentials: BackstageCredentials;
}): Promise<string> {
  const { catalog, requested, userEntityRef, ownershipRefs, credentials } =
    options;
  if (!requested) {
    return userEntityRef;
  }
  const consumer = normalizeEntityRef(requested);
  if (consumer === userEntityRef || ownershipRefs.includes(consumer)) {
    return consumer;
  }
  const { kind } = parseEntityRef(consumer);
  if (kind === 'user' || kind === 'group') {
    throw new NotAllowedError(
      `consumer: you may ask for yourself or one of your groups, not for ${consumer}`,
    );
  }
  if (!WORKLOAD_KINDS.includes(kind)) {
    throw new InputError(
      `consumer: expected yourself, one of your groups, or a component or system, not a ${kind}`,
    );
  }
  const entity = await catalog.getEntityByRef(consumer, { credentials });
  if (!entity) {
    throw new InputError(`consumer: no ${kind} ${consumer} in the catalog`);
  }
  const owners = (entity.relations ?? [])
    .filter(relation => relation.type === RELATION_OWNED_BY)
    .map(relation => normalizeEntityRef(relation.targetRef));
  if (!owners.some(owner => ownershipRefs.includes(owner))) {
    throw new NotAllowedError(
      `consumer: ${consumer} is not owned by you or one of your groups`,
    );
  }
  return consumer;
}
