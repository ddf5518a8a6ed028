import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/plugin-catalog-react';
import type {
  EntityFilterQuery,
  EntityOrderQuery,
  GetEntityFacetsRequest,
  GetEntityFacetsResponse,
  QueryEntitiesRequest,
  QueryEntitiesResponse,
} from '../lib/catalogTypes';

// A catalog in memory with the semantics of Backstage's catalog backend that the plugin
// relies on. The catalogApiMock of plugin-catalog-react (InMemoryCatalogClient) does not
// do for this: it matches filter keys case-sensitively against un-lowercased paths (so
// `spec.outputPorts.type` never matches) and stops checking a filter at its first array
// value. This one follows DefaultEntitiesCatalog: keys and values compared in lower case,
// OR between filter sets and within a key's values, AND across keys; full-text as a
// substring of the listed fields; only the first order field used, and entities without it
// left out; values longer than 200 characters not searchable; facets counted per entity.

const MAX_VALUE_LENGTH = 200;

type Row = { key: string; value: string | null; original: string | null };

function searchRows(entity: Entity): Row[] {
  const rows: Row[] = [];
  const push = (key: string, raw: unknown) => {
    const text = raw === null || raw === undefined ? null : String(raw);
    const searchable = text !== null && text.length <= MAX_VALUE_LENGTH;
    rows.push({
      key: key.toLocaleLowerCase('en-US'),
      value: searchable ? text!.toLocaleLowerCase('en-US') : null,
      original: searchable ? text : null,
    });
  };
  const visit = (path: string, value: unknown) => {
    if (
      [
        'relations',
        'status',
        'metadata.name',
        'metadata.namespace',
        'metadata.uid',
        'metadata.etag',
      ].includes(path)
    ) {
      return;
    }
    if (value === null || value === undefined || typeof value !== 'object') {
      push(path, value);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) {
        visit(path, item);
        if (typeof item === 'string') {
          push(`${path}.${item}`, true);
        }
      }
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      visit(path ? `${path}.${key}` : key, child);
    }
  };
  visit('', entity);
  push('metadata.name', entity.metadata.name);
  push('metadata.namespace', entity.metadata.namespace ?? DEFAULT_NAMESPACE);
  if (entity.metadata.uid) {
    push('metadata.uid', entity.metadata.uid);
  }
  for (const relation of entity.relations ?? []) {
    push(`relations.${relation.type}`, relation.targetRef);
  }
  return rows;
}

function matchesFilter(rows: Row[], filter?: EntityFilterQuery): boolean {
  if (!filter) {
    return true;
  }
  return [filter].flat().some(set =>
    Object.entries(set).every(([key, expected]) => {
      const values = rows
        .filter(row => row.key === key.toLocaleLowerCase('en-US'))
        .map(row => row.value);
      if (values.length === 0) {
        return false;
      }
      const wanted = [expected].flat();
      if (wanted.includes(CATALOG_FILTER_EXISTS)) {
        return true;
      }
      return wanted.some(w =>
        values.includes(String(w).toLocaleLowerCase('en-US')),
      );
    }),
  );
}

/** `fields` as the backend applies them: keys may hold dots (annotation names do). */
function pickFields(entity: Entity, fields?: string[]): Entity {
  if (!fields?.length) {
    return entity;
  }
  const output: Record<string, unknown> = {};
  const pick = (
    source: unknown,
    target: Record<string, unknown>,
    parts: string[],
  ) => {
    if (source === null || typeof source !== 'object') {
      return;
    }
    for (let i = parts.length; i >= 1; i--) {
      const key = parts.slice(0, i).join('.');
      if (key in (source as object)) {
        const value = (source as Record<string, unknown>)[key];
        if (i === parts.length) {
          target[key] = value;
        } else {
          const child = (target[key] as Record<string, unknown>) ?? {};
          target[key] = child;
          pick(value, child, parts.slice(i));
          if (Object.keys(child).length === 0) {
            delete target[key];
          }
        }
        return;
      }
    }
  };
  for (const field of fields) {
    pick(entity, output, field.split('.'));
  }
  return output as unknown as Entity;
}

interface Cursor {
  filter?: EntityFilterQuery;
  fullTextFilter?: { term: string; fields?: string[] };
  orderFields?: EntityOrderQuery;
  offset: number;
}

export class InMemoryCatalog {
  private readonly entities: Entity[];

  constructor(entities: Entity[]) {
    this.entities = entities;
  }

  async queryEntities(
    request: QueryEntitiesRequest = {},
  ): Promise<QueryEntitiesResponse> {
    const cursor: Cursor =
      'cursor' in request
        ? JSON.parse(atob(request.cursor))
        : {
            filter: request.filter,
            fullTextFilter: request.fullTextFilter,
            orderFields: request.orderFields,
            offset: request.offset ?? 0,
          };
    const limit = request.limit ?? 20;
    const sortField = cursor.orderFields
      ? [cursor.orderFields].flat()[0]
      : undefined;
    const sortKey = sortField?.field.toLocaleLowerCase('en-US');
    const term = cursor.fullTextFilter?.term?.trim().toLocaleLowerCase('en-US');
    const textFields = (
      cursor.fullTextFilter?.fields ?? [sortKey ?? 'metadata.uid']
    ).map(f => f.toLocaleLowerCase('en-US'));

    const matches = this.entities
      .map(entity => ({ entity, rows: searchRows(entity) }))
      .filter(({ rows }) => matchesFilter(rows, cursor.filter))
      .filter(
        ({ rows }) =>
          !term ||
          rows.some(
            row => textFields.includes(row.key) && row.value?.includes(term),
          ),
      )
      .map(({ entity, rows }) => ({
        entity,
        sortValue: sortKey
          ? rows.find(row => row.key === sortKey && row.value !== null)?.value
          : undefined,
      }))
      .filter(({ sortValue }) => !sortKey || sortValue !== undefined)
      .sort((a, b) => {
        const direction = sortField?.order === 'desc' ? -1 : 1;
        if (a.sortValue !== b.sortValue) {
          return (a.sortValue! < b.sortValue! ? -1 : 1) * direction;
        }
        return stringifyEntityRef(a.entity) < stringifyEntityRef(b.entity)
          ? -1
          : 1;
      })
      .map(({ entity }) => entity);

    const page = matches.slice(cursor.offset, cursor.offset + limit);
    const encode = (offset: number) =>
      btoa(JSON.stringify({ ...cursor, offset }));
    return {
      items: page.map(entity =>
        pickFields(entity, 'fields' in request ? request.fields : undefined),
      ),
      totalItems: matches.length,
      pageInfo: {
        ...(cursor.offset + limit < matches.length
          ? { nextCursor: encode(cursor.offset + limit) }
          : {}),
        ...(cursor.offset > 0
          ? { prevCursor: encode(Math.max(0, cursor.offset - limit)) }
          : {}),
      },
    };
  }

  async getEntityFacets(
    request: GetEntityFacetsRequest,
  ): Promise<GetEntityFacetsResponse> {
    const matching = this.entities
      .map(searchRows)
      .filter(rows => matchesFilter(rows, request.filter));
    const facets: GetEntityFacetsResponse['facets'] = {};
    for (const facet of request.facets) {
      const key = facet.toLocaleLowerCase('en-US');
      const counts = new Map<string, number>();
      for (const rows of matching) {
        const values = new Set(
          rows
            .filter(row => row.key === key && row.original !== null)
            .map(row => row.original!),
        );
        values.forEach(value =>
          counts.set(value, (counts.get(value) ?? 0) + 1),
        );
      }
      facets[facet] = [...counts].map(([value, count]) => ({ value, count }));
    }
    return { facets };
  }

  async getEntitiesByRefs(request: {
    entityRefs: string[];
    fields?: string[];
  }): Promise<{ items: Array<Entity | undefined> }> {
    return {
      items: request.entityRefs.map(ref => {
        const found = this.find(ref);
        return found ? pickFields(found, request.fields) : undefined;
      }),
    };
  }

  async getEntityByRef(
    ref: string | CompoundEntityRef,
  ): Promise<Entity | undefined> {
    return this.find(typeof ref === 'string' ? ref : stringifyEntityRef(ref));
  }

  private find(ref: string): Entity | undefined {
    const wanted = stringifyEntityRef(parseEntityRef(ref));
    return this.entities.find(entity => stringifyEntityRef(entity) === wanted);
  }
}
