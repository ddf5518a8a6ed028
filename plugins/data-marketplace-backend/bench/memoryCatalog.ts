import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createHash } from 'node:crypto';

/** Only the filters the benchmarks' code asks: kind, and spec.type for contracts. */
function matches(entity: Entity, filter: Record<string, string> = {}) {
  return Object.entries(filter).every(([key, value]) => {
    const actual = key === 'kind' ? entity.kind : entity.spec?.type;
    return String(actual).toLowerCase() === value.toLowerCase();
  });
}

/** The entity with only these fields (dotted paths), as the catalog's `fields` does. */
function project(entity: Entity, fields?: string[]): Entity {
  if (!fields?.length) {
    return structuredClone(entity);
  }
  const out: Record<string, any> = {};
  for (const field of fields) {
    const path = field.split('.');
    let from: any = entity;
    for (const key of path) {
      from = from?.[key];
    }
    if (from === undefined) {
      continue;
    }
    let to = out;
    for (const key of path.slice(0, -1)) {
      to = to[key] ??= {};
    }
    to[path[path.length - 1]] = structuredClone(from);
  }
  return out as Entity;
}

/**
 * A catalog in memory that answers what the indexer and the evaluator ask: pages of
 * entities by filter with a cursor (queryEntities) and entities by ref (getEntitiesByRefs),
 * each entity with an etag that changes when it does, as the catalog's. Answers are fresh
 * copies, as the catalog's JSON answers are; the time they take is the cost of the JSON a
 * real catalog would send, roughly.
 */
export function memoryCatalog(source: () => Entity[]) {
  let served: { entities: Entity[]; byRef: Map<string, Entity> } | undefined;
  let servedFrom: Entity[] | undefined;
  let refreshes = 0;
  const current = () => {
    const entities = source();
    if (servedFrom !== entities) {
      const stamped = entities.map(entity => ({
        ...entity,
        metadata: {
          ...entity.metadata,
          etag: createHash('sha256')
            .update(JSON.stringify(entity))
            .digest('hex')
            .slice(0, 40),
        },
      }));
      served = {
        entities: stamped,
        byRef: new Map(
          stamped.map(e => [stringifyEntityRef(e).toLowerCase(), e]),
        ),
      };
      servedFrom = entities;
    }
    return served!;
  };
  const page = (
    filter: Record<string, string>,
    offset: number,
    limit: number,
    fields?: string[],
  ) => {
    const matching = current().entities.filter(e => matches(e, filter));
    const next = offset + limit;
    return {
      items: matching.slice(offset, next).map(e => project(e, fields)),
      totalItems: 0,
      pageInfo: {
        nextCursor:
          next < matching.length
            ? JSON.stringify({ filter, fields, offset: next })
            : undefined,
      },
    };
  };
  const catalog = {
    async queryEntities(request: {
      filter?: Record<string, string>;
      fields?: string[];
      cursor?: string;
      limit?: number;
    }) {
      // A cursor carries the query it continues, as the catalog's does.
      const at = request.cursor
        ? JSON.parse(request.cursor)
        : { filter: request.filter ?? {}, fields: request.fields, offset: 0 };
      return page(at.filter, at.offset, request.limit ?? 500, at.fields);
    },
    async getEntitiesByRefs(request: {
      entityRefs: string[];
      fields?: string[];
    }) {
      const { byRef } = current();
      return {
        items: request.entityRefs.map(ref => {
          const entity = byRef.get(ref.toLowerCase());
          return entity && project(entity, request.fields);
        }),
      };
    },
    async refreshEntity() {
      refreshes++;
    },
  } as unknown as CatalogService;
  return { catalog, refreshes: () => refreshes };
}
