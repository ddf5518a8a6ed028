import type { Entity } from '@backstage/catalog-model';
import type { GovernanceStatus } from '@datamesh/plugin-data-mesh-common';

/**
 * DataProducts shaped as the catalog serves them to the marketplace indexer, with the
 * spread of facets the marketplace bench asks for: 3 domains, 3 owners, 3 types,
 * 4 classifications, 3 lifecycles, 1 to 4 tags of 30, 1 to 3 output ports of 5 types,
 * consumers, listing dates, and texts of realistic length. About 2% have "ratings" in their
 * title and as many in their purpose only. Deterministic (a seeded generator), so runs compare.
 */

/** mulberry32: small, fast, deterministic. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_DOMAINS = ['brokerage', 'asset', 'capital-markets'];
const OWNERS = ['brokerage-data-team', 'asset-data-team', 'markets-data-team'];
const TYPES = ['source-aligned', 'aggregate', 'consumer-aligned'];
const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'];
const LIFECYCLES = ['production', 'experimental', 'deprecated'];
export const BENCH_TAGS = Array.from({ length: 30 }, (_, i) => `tag-${i}`);
const PORT_TYPES = ['sql-view', 'table', 'api', 'stream', 'file'];
const SUBJECTS = [
  'leases',
  'tenants',
  'occupancy',
  'valuations',
  'rent',
  'forecast',
  'exposure',
  'energy',
  'maintenance',
  'footfall',
];
const GOVERNANCE: Array<GovernanceStatus | undefined> = [
  'passing',
  'passing',
  'passing',
  'warning',
  'failing',
  undefined,
];

export interface BenchProduct {
  entity: Entity;
  /** Its status in governance_results; undefined: not evaluated. */
  governance?: GovernanceStatus;
}

export function generateProducts(count: number): BenchProduct[] {
  const rnd = random(7);
  const pick = <T>(items: readonly T[]) =>
    items[Math.floor(rnd() * items.length)];
  const start = Date.parse('2024-01-01T00:00:00Z');
  return Array.from({ length: count }, (_, p) => {
    const name = `product-${p}`;
    const subject = pick(SUBJECTS);
    const roll = rnd();
    const title =
      roll < 0.02
        ? `Ratings of ${subject} ${p}`
        : `${subject[0].toUpperCase()}${subject.slice(1)} ${pick(
            SUBJECTS,
          )} ${p}`;
    const purpose =
      roll >= 0.02 && roll < 0.04
        ? `Credit ratings behind the ${subject} decisions, refreshed daily.`
        : `Everything the mesh knows about ${subject}, one row per unit and day, for analysts and the ${pick(
            SUBJECTS,
          )} team. Joined to the lease register; history kept for seven years.`;
    const tags = [
      ...new Set(
        Array.from({ length: 1 + Math.floor(rnd() * 4) }, () =>
          pick(BENCH_TAGS),
        ),
      ),
    ];
    const domain = BENCH_DOMAINS[p % 3];
    const outputPorts = Array.from(
      { length: 1 + Math.floor(rnd() * 3) },
      (_port, i) => ({
        name: `${subject}-${i}`,
        type: pick(PORT_TYPES),
        address: `warehouse.${domain.replace(/-/g, '_')}.${name.replace(
          /-/g,
          '_',
        )}_${i}`,
        contract: `api:default/${name}-${i}-contract`,
      }),
    );
    const consumers = Math.floor(rnd() * rnd() * 40);
    const entity: Entity = {
      apiVersion: 'datamesh/v1alpha1',
      kind: 'DataProduct',
      metadata: {
        name,
        namespace: 'default',
        title,
        description: `The ${subject} of the ${domain} domain, as the source systems record them.`,
        tags,
        annotations: {
          'datamesh/listed-at': new Date(
            start + Math.floor(rnd() * 700 * 86_400_000),
          ).toISOString(),
          'datamesh/descriptor-standard': 'odps',
          'backstage.io/managed-by-location': `url:https://git.example/${domain}/${name}/odps.yaml`,
        },
      },
      spec: {
        domain: `domain:default/${domain}`,
        owner: `group:default/${OWNERS[Math.floor(rnd() * 3)]}`,
        type: pick(TYPES),
        classification: pick(CLASSIFICATIONS),
        lifecycle: pick(LIFECYCLES),
        version: `1.${Math.floor(rnd() * 10)}.0`,
        description: { purpose },
        sla: {
          updateFrequency: 'daily',
          freshness: '24h',
          availability: '99.5%',
        },
        outputPorts,
      },
      relations: [
        { type: 'partOf', targetRef: `domain:default/${domain}` },
        ...Array.from({ length: consumers }, (_consumer, c) => ({
          type: 'dataProductConsumedBy',
          targetRef: `group:default/consumer-${c}`,
        })),
      ],
    };
    return { entity, governance: pick(GOVERNANCE) };
  });
}
