import type { GovernanceStatus } from '@datamesh/plugin-data-mesh-common';
import type { JsonObject } from '@backstage/types';

/**
 * The facets of the marketplace. All but `governance` are indexed from the catalog (domain
 * and owner as lowercase entity refs, the rest lowercase); `governance` is the product's
 * status in the governance results (passing, warning, failing), none when not yet evaluated.
 *
 * @public
 */
export const MARKETPLACE_FACETS = [
  'domain',
  'owner',
  'type',
  'classification',
  'lifecycle',
  'tag',
  'port',
  'governance',
] as const;

/** @public */
export type MarketplaceFacet = (typeof MARKETPLACE_FACETS)[number];

/** @public */
export const MARKETPLACE_SORTS = [
  'relevance',
  'name',
  'newest',
  'most-consumed',
] as const;

/**
 * `relevance`: titles that start with the term, then titles that contain it, then the other
 * matches, each by title (without a term: by title); `name`: by title, then name; `newest`:
 * latest listed first; `most-consumed`: most consumers first, then by title.
 *
 * @public
 */
export type MarketplaceSort = (typeof MARKETPLACE_SORTS)[number];

/** Selected values per facet: OR within a facet, AND across facets. @public */
export type MarketplaceFilters = Partial<Record<MarketplaceFacet, string[]>>;

/** @public */
export interface MarketplaceQueryRequest {
  /** Words that must all appear in a product's text (case-insensitive, anywhere in a word). */
  term?: string;
  filters: MarketplaceFilters;
  sort: MarketplaceSort;
  offset: number;
  limit: number;
}

/** @public */
export interface FacetCount {
  value: string;
  count: number;
}

/**
 * What a marketplace card shows of a DataProduct entity: the entity trimmed to these fields,
 * so the frontend reads it as it reads a catalog entity.
 *
 * @public
 */
export interface ProductCardEntity {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace: string;
    title?: string;
    description?: string;
    tags?: string[];
    annotations?: Record<string, string>;
  };
  spec: {
    domain?: string;
    owner?: string;
    type?: string;
    classification?: string;
    lifecycle?: string;
    version?: string;
    description?: { purpose?: string };
    sla?: JsonObject;
    outputPorts?: Array<{ name: string; type?: string }>;
  };
}

/** One product of a marketplace page. @public */
export interface ProductCard {
  /** Lowercase `dataproduct:namespace/name`. */
  entityRef: string;
  entity: ProductCardEntity;
  /** Its dataProductConsumedBy relations. */
  consumerCount: number;
  /** Null when the governance evaluator has not evaluated it (yet). */
  governanceStatus: GovernanceStatus | null;
}

/** @public */
export interface MarketplaceQueryResult {
  items: ProductCard[];
  /** Products matching the whole query, over all pages. */
  totalItems: number;
  /**
   * Per facet, its values and how many products each would give: counted under every other
   * facet's selection and the term, but not the facet's own selection. Most products first;
   * a selected value is listed even when no product has it any more.
   */
  facets: Record<MarketplaceFacet, FacetCount[]>;
}

/** The answer of GET /marketplace/products. @public */
export interface MarketplaceProductsResponse extends MarketplaceQueryResult {
  /** When the indexer last finished a run (ISO 8601); null before its first run. */
  indexedAt: string | null;
}
