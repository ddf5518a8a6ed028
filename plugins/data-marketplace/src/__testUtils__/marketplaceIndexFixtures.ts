import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { ANNOTATION_LISTED_AT } from '@datamesh/plugin-data-mesh-common';
import type {
  FacetCount,
  GovernanceStatus,
  MarketplaceFacet,
  MarketplaceFilters,
  MarketplaceProductsResponse,
  MarketplaceQueryRequest,
  ProductCard,
} from '../api';
import { demoEntities } from './demoCatalog';

// Answers of the backend's GET /marketplace/products for the Premium Offices demo mesh,
// shaped exactly as it answers (see api/types.ts): its cards are the demo entities trimmed
// as the backend's indexer trims them (search/toIndexedProduct.ts).

export const INDEXED_AT = '2026-11-20T08:00:00.000Z';

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** A catalog entity as the index serves it on a card. */
export function indexedProduct(
  entity: Entity,
  options: {
    consumerCount?: number;
    governanceStatus?: GovernanceStatus | null;
  } = {},
): ProductCard {
  const spec = (entity.spec ?? {}) as Record<string, any>;
  const ports = (spec.outputPorts ?? []) as Array<Record<string, unknown>>;
  return {
    entityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    // Through JSON, as the response travels: undefined fields are dropped.
    entity: JSON.parse(
      JSON.stringify({
        apiVersion: entity.apiVersion,
        kind: entity.kind,
        metadata: {
          name: entity.metadata.name,
          namespace: entity.metadata.namespace ?? 'default',
          title: text(entity.metadata.title),
          description: text(entity.metadata.description),
          tags: entity.metadata.tags?.length ? entity.metadata.tags : undefined,
          annotations: entity.metadata.annotations,
        },
        spec: {
          domain: text(spec.domain),
          owner: text(spec.owner),
          type: text(spec.type),
          classification: text(spec.classification),
          lifecycle: text(spec.lifecycle),
          version: text(spec.version),
          description: text(spec.description?.purpose)
            ? { purpose: text(spec.description.purpose) }
            : undefined,
          sla: spec.sla,
          outputPorts: ports.length
            ? ports.map(port => ({ name: port.name, type: text(port.type) }))
            : undefined,
        },
      }),
    ),
    consumerCount: options.consumerCount ?? 0,
    governanceStatus: options.governanceStatus ?? null,
  };
}

/**
 * The demo's five products as the index holds them, by title: Entity ratings with two
 * consumers and passing, Tenancy analytics with one, Credit risk dashboard failing.
 */
export function demoIndexedProducts(): ProductCard[] {
  const consumers: Record<string, number> = {
    'entity-ratings': 2,
    'tenancy-analytics': 1,
  };
  const statuses: Record<string, GovernanceStatus> = {
    'entity-ratings': 'passing',
    'credit-risk-dashboard': 'failing',
  };
  return demoEntities()
    .filter(entity => entity.kind === 'DataProduct')
    .map(entity =>
      indexedProduct(entity, {
        consumerCount: consumers[entity.metadata.name],
        governanceStatus: statuses[entity.metadata.name],
      }),
    )
    .sort((a, b) =>
      (a.entity.metadata.title ?? '').localeCompare(
        b.entity.metadata.title ?? '',
      ),
    );
}

const FACET_NAMES: MarketplaceFacet[] = [
  'domain',
  'owner',
  'type',
  'classification',
  'lifecycle',
  'tag',
  'port',
  'governance',
];

/** The facet values of a product, as the index stores them (lowercase). */
function facetValues(product: ProductCard): Record<MarketplaceFacet, string[]> {
  const { metadata, spec } = product.entity;
  const lower = (value?: string | null) =>
    value ? [value.toLocaleLowerCase('en-US')] : [];
  // Domain and owner as complete refs, as the indexer writes them.
  const ref = (value: string | undefined, defaultKind: string) =>
    lower(
      value &&
        stringifyEntityRef(
          parseEntityRef(value, {
            defaultKind,
            defaultNamespace: metadata.namespace,
          }),
        ),
    );
  return {
    domain: ref(spec.domain, 'domain'),
    owner: ref(spec.owner, 'group'),
    type: lower(spec.type),
    classification: lower(spec.classification),
    lifecycle: lower(spec.lifecycle),
    tag: [...new Set((metadata.tags ?? []).flatMap(tag => lower(tag)))],
    port: [
      ...new Set((spec.outputPorts ?? []).flatMap(port => lower(port.type))),
    ],
    governance: lower(product.governanceStatus),
  };
}

/** Every facet's counts over the given products, most products first. */
export function countFacets(
  products: ProductCard[],
): Record<MarketplaceFacet, FacetCount[]> {
  // Every facet is in the answer, without values when no product has one.
  const counts = Object.fromEntries(
    FACET_NAMES.map(facet => [facet, new Map<string, number>()]),
  ) as Record<MarketplaceFacet, Map<string, number>>;
  for (const product of products) {
    for (const [facet, values] of Object.entries(facetValues(product))) {
      const facetCounts = counts[facet as MarketplaceFacet];
      for (const value of values) {
        facetCounts.set(value, (facetCounts.get(value) ?? 0) + 1);
      }
    }
  }
  const facets = {} as Record<MarketplaceFacet, FacetCount[]>;
  for (const [facet, values] of Object.entries(counts)) {
    facets[facet as MarketplaceFacet] = [...values]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return facets;
}

function matchesFilters(
  product: ProductCard,
  filters: MarketplaceFilters,
  except?: MarketplaceFacet,
): boolean {
  const values = facetValues(product);
  return Object.entries(filters).every(
    ([facet, selected]) =>
      facet === except ||
      !selected?.length ||
      selected.some(value =>
        values[facet as MarketplaceFacet].includes(
          value.toLocaleLowerCase('en-US'),
        ),
      ),
  );
}

function matchesTerm(product: ProductCard, term?: string): boolean {
  const { metadata, spec } = product.entity;
  const searched = [
    metadata.title,
    metadata.name,
    metadata.description,
    spec.description?.purpose,
    ...(metadata.tags ?? []),
  ]
    .join('\n')
    .toLocaleLowerCase('en-US');
  return (term ?? '')
    .toLocaleLowerCase('en-US')
    .split(/\s+/)
    .every(word => searched.includes(word));
}

const title = (product: ProductCard) =>
  product.entity.metadata.title ?? product.entity.metadata.name;

/**
 * A queryProducts over the given products with the index's semantics (search/types.ts):
 * every word of the term in the product's text; OR within a facet, AND across facets; each
 * facet counted under the term and the other facets' selections, not its own; the sorts;
 * a page from offset and limit. Full refs only: the backend would normalize short ones.
 */
export function fakeIndexQuery(
  products: ProductCard[] = demoIndexedProducts(),
  indexedAt: string | null = INDEXED_AT,
) {
  return async (
    request: MarketplaceQueryRequest,
  ): Promise<MarketplaceProductsResponse> => {
    const { term, filters, sort, offset, limit } = request;
    const found = products.filter(p => matchesTerm(p, term));
    const matches = found.filter(p => matchesFilters(p, filters));
    const listedAt = (p: ProductCard) =>
      p.entity.metadata.annotations?.[ANNOTATION_LISTED_AT] ?? '';
    const sorted = [...matches].sort(
      (a, b) =>
        (sort === 'most-consumed' ? b.consumerCount - a.consumerCount : 0) ||
        (sort === 'newest' ? listedAt(b).localeCompare(listedAt(a)) : 0) ||
        title(a).localeCompare(title(b)),
    );
    const facets = countFacets(matches);
    for (const facet of FACET_NAMES) {
      if (filters[facet]?.length) {
        facets[facet] = countFacets(
          found.filter(p => matchesFilters(p, filters, facet)),
        )[facet];
      }
    }
    return {
      items: sorted.slice(offset, offset + limit),
      totalItems: matches.length,
      facets,
      indexedAt,
    };
  };
}
