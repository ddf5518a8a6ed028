import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { catalogApiRef } from '@backstage/plugin-catalog-react';

type CatalogApi = typeof catalogApiRef.T;
type EntityFilter = Record<string, string | string[]>;

/** The values an entity has for a filter key, lower-cased like the catalog compares them. */
function valuesOf(entity: Entity, key: string): string[] {
  const lower = key.toLocaleLowerCase('en-US');
  if (lower.startsWith('relations.')) {
    const type = lower.slice('relations.'.length);
    return (entity.relations ?? [])
      .filter(relation => relation.type.toLocaleLowerCase('en-US') === type)
      .map(relation => relation.targetRef.toLocaleLowerCase('en-US'));
  }
  const value = lower
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object'
          ? (node as Record<string, unknown>)[part]
          : undefined,
      entity,
    );
  return value === undefined ? [] : [String(value).toLocaleLowerCase('en-US')];
}

function matches(entity: Entity, filter: EntityFilter): boolean {
  return Object.entries(filter).every(([key, expected]) => {
    const actual = valuesOf(entity, key);
    return [expected]
      .flat()
      .some(value => actual.includes(value.toLocaleLowerCase('en-US')));
  });
}

/**
 * An in-memory catalog for the two calls the plugin makes, with the catalog's filter
 * rules (keys of one filter AND-ed, a list of filters OR-ed). `catalogApiMock` from
 * plugin-catalog-react/testUtils needs @backstage/frontend-test-utils, which this
 * package does not depend on.
 */
export function fakeCatalogApi(entities: Entity[]): CatalogApi {
  const api: Partial<CatalogApi> = {
    getEntities: jest.fn(async request => {
      const filters = [request?.filter ?? {}].flat() as EntityFilter[];
      return {
        items: entities.filter(entity =>
          filters.some(filter => matches(entity, filter)),
        ),
      };
    }),
    getEntitiesByRefs: jest.fn(async request => ({
      items: request.entityRefs.map(ref =>
        entities.find(
          entity =>
            stringifyEntityRef(entity) === ref.toLocaleLowerCase('en-US') ||
            stringifyEntityRef(entity) === ref,
        ),
      ),
    })),
  };
  return api as CatalogApi;
}
