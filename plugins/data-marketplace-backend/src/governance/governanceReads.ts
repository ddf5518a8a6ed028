import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DATA_CONTRACT_API_TYPE,
  DATA_PRODUCT_KIND,
} from '@datamesh/plugin-data-mesh-common';
import { entityRefOf, queryEntityPages, readEntityVersions } from '../catalog';
import { contentVersion } from './contentVersion';

/** The products evaluated. */
const PRODUCTS: EntityFilterQuery = { kind: DATA_PRODUCT_KIND };

/**
 * What the rules may look up besides products: the owner's group (owner-group-exists), the
 * domain and its own rules (spec.policies), the contracts of output ports (the catalog
 * module's reading of them, or the definition of a contract API registered by hand).
 * Upstream products are products. A rule that names anything else finds nothing, as
 * everywhere the engine runs on the catalog.
 *
 * Groups and domains are read whole and versioned by their content: there are few of them,
 * most products look one of each up, and their etag changes with every product that joins
 * them (the catalog adds a relation), which would evaluate the whole domain again each time.
 * Contracts are one or two per product, so only their versions are read.
 */
const LOOKUPS_READ_WHOLE: EntityFilterQuery[] = [
  { kind: 'Group' },
  { kind: 'Domain' },
];
const LOOKUPS_BY_VERSION: EntityFilterQuery[] = [
  { kind: 'API', 'spec.type': DATA_CONTRACT_API_TYPE },
];

/** Groups and domains per catalog page. */
const WHOLE_PAGE_SIZE = 500;

/**
 * Products are read whole but for relations and status: a `required-fields` or
 * `naming-pattern` rule may name any of their fields. The same for what they look up.
 */
export const EVALUATED_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];

/** The version of everything an evaluation may read, by lowercase ref. */
export interface GovernanceVersions {
  /** The products' catalog versions (etags). */
  products: Map<string, string>;
  /** Products and what the rules may look up, together. */
  all: Map<string, string>;
  /** The groups and domains, already read: evaluations look them up without a request. */
  preloaded: Map<string, Entity>;
}

/**
 * Reads the versions (etags) of products and contracts only, in pages: a few megabytes at
 * 100,000 products; groups and domains whole.
 */
export async function readGovernanceVersions(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<GovernanceVersions> {
  const preloaded = new Map<string, Entity>();
  const [products, ...lookups] = await Promise.all([
    ...[PRODUCTS, ...LOOKUPS_BY_VERSION].map(async filter => {
      const versions = await readEntityVersions(catalog, credentials, filter);
      // Without a signal the read is never cut short.
      return versions!;
    }),
    ...LOOKUPS_READ_WHOLE.map(async filter => {
      const versions = new Map<string, string>();
      for await (const page of queryEntityPages(catalog, credentials, {
        filter,
        fields: EVALUATED_FIELDS,
        pageSize: WHOLE_PAGE_SIZE,
      })) {
        for (const entity of page) {
          const ref = entityRefOf(entity);
          preloaded.set(ref, entity);
          versions.set(ref, contentVersion(entity));
        }
      }
      return versions;
    }),
  ]);
  const all = new Map(products);
  for (const versions of lookups) {
    for (const [ref, version] of versions) {
      all.set(ref, version);
    }
  }
  return { products, all, preloaded };
}
