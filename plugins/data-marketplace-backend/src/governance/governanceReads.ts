import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DATA_CONTRACT_API_TYPE,
  DATA_PRODUCT_KIND,
} from '@datamesh/plugin-data-mesh-common';
import { readEntityVersions } from '../catalog';

/** The products evaluated. */
const PRODUCTS: EntityFilterQuery = { kind: DATA_PRODUCT_KIND };

/**
 * What the rules may look up besides products: the owner's group (owner-group-exists), the
 * domain and its own rules (spec.policies), the contracts of output ports (the catalog
 * module's reading of them, or the definition of a contract API registered by hand).
 * Upstream products are products. A rule that names anything else finds nothing, as
 * everywhere the engine runs on the catalog.
 */
const LOOKUPS: EntityFilterQuery[] = [
  { kind: 'Group' },
  { kind: 'Domain' },
  { kind: 'API', 'spec.type': DATA_CONTRACT_API_TYPE },
];

/**
 * Products are read whole but for relations and status: a `required-fields` or
 * `naming-pattern` rule may name any of their fields. The same for what they look up.
 */
export const EVALUATED_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];

/** The catalog version of everything an evaluation may read, by lowercase ref. */
export interface GovernanceVersions {
  products: Map<string, string>;
  /** Products and what the rules may look up, together. */
  all: Map<string, string>;
}

/** Reads the versions (etags) only, in pages: a few megabytes at 100,000 products. */
export async function readGovernanceVersions(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<GovernanceVersions> {
  const [products, ...lookups] = await Promise.all(
    [PRODUCTS, ...LOOKUPS].map(async filter => {
      const versions = await readEntityVersions(catalog, credentials, filter);
      // Without a signal the read is never cut short.
      return versions!;
    }),
  );
  const all = new Map(products);
  for (const versions of lookups) {
    for (const [ref, etag] of versions) {
      all.set(ref, etag);
    }
  }
  return { products, all };
}
