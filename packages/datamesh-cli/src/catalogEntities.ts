import type { evaluateGovernance } from '@datamesh/plugin-data-mesh-common';
import { parseAllDocuments } from 'yaml';

/** A catalog entity, as the engine takes it (the CLI does not depend on catalog-model). */
export type Entity = Parameters<typeof evaluateGovernance>[0]['entity'];

function isEntity(value: unknown): value is Entity {
  const entity = value as Entity;
  return (
    typeof entity === 'object' &&
    entity !== null &&
    typeof entity.apiVersion === 'string' &&
    typeof entity.kind === 'string' &&
    typeof entity.metadata?.name === 'string'
  );
}

/**
 * The Backstage entities of a catalog file (org.yaml, domains.yaml, a catalog-info.yaml), or
 * undefined when the file is not one: every document must be an entity. Governance reads
 * them as its context (groups, domains with their policies, products written as entities).
 */
export function catalogEntitiesOf(text: string): Entity[] | undefined {
  let documents: unknown[];
  try {
    documents = parseAllDocuments(text).map(doc =>
      doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 }),
    );
  } catch {
    return undefined;
  }
  const present = documents.filter(d => d !== null && d !== undefined);
  return present.length > 0 && present.every(isEntity) ? present : undefined;
}
