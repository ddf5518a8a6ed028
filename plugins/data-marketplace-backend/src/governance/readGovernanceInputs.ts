import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createGovernanceContext,
  DATA_CONTRACT_API_TYPE,
  DATA_PRODUCT_KIND,
  type GovernanceContext,
} from '@datamesh/plugin-data-mesh-common';

/** Entities per catalog page: a few hundred keeps each response small and quick. */
const PAGE_SIZE = 500;

/**
 * Products are read whole but for relations and status: a `required-fields` or
 * `naming-pattern` rule may name any of their fields.
 */
const PRODUCTS: CatalogRead = {
  filter: { kind: DATA_PRODUCT_KIND },
  fields: ['apiVersion', 'kind', 'metadata', 'spec'],
};

/**
 * What the rules look up besides products, and only the fields they read, so the catalog
 * sends less and the context holds less.
 */
const LOOKUPS: CatalogRead[] = [
  // owner-group-exists: that the group exists.
  {
    filter: { kind: 'Group' },
    fields: ['kind', 'metadata.name', 'metadata.namespace'],
  },
  // The domain's own rules (spec.policies), added to the mesh-wide ones.
  {
    filter: { kind: 'Domain' },
    fields: [
      'apiVersion',
      'kind',
      'metadata.name',
      'metadata.namespace',
      'spec.policies',
    ],
  },
  // Contracts: the catalog module's reading of them (spec.dataContract), or the definition
  // of a contract API registered by hand.
  {
    filter: { kind: 'API', 'spec.type': DATA_CONTRACT_API_TYPE },
    fields: [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'spec.type',
      'spec.dataContract',
      'spec.definition',
    ],
  },
];

interface CatalogRead {
  filter: EntityFilterQuery;
  fields: string[];
}

export interface GovernanceInputs {
  products: Entity[];
  context: GovernanceContext;
  /** Entities read, all kinds together. */
  entities: number;
}

async function readAll(
  catalog: CatalogService,
  read: CatalogRead,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const entities: Entity[] = [];
  for await (const page of catalog.streamEntities(
    { ...read, pageSize: PAGE_SIZE },
    { credentials },
  )) {
    entities.push(...page);
  }
  return entities;
}

/** Reads the catalog once, in pages, and indexes it for the rules. */
export async function readGovernanceInputs(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<GovernanceInputs> {
  const [products, ...lookups] = await Promise.all(
    [PRODUCTS, ...LOOKUPS].map(read => readAll(catalog, read, credentials)),
  );
  const entities = [...products, ...lookups.flat()];
  return {
    products,
    context: createGovernanceContext(entities),
    entities: entities.length,
  };
}
