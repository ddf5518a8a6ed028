import type { Entity } from '@backstage/catalog-model';

/**
 * A synthetic mesh shaped like a large real one: domains with their own rules, teams,
 * products with one to three output ports (each with an ODCS contract API as the catalog
 * module makes it) and upstream products, and a realistic share of mistakes so that every
 * rule has work to do: missing owners, missing contracts, deprecated upstreams, personal
 * data without an access policy. Deterministic (a seeded generator), so runs compare.
 */

export interface MeshSize {
  products: number;
  domains: number;
  teamsPerDomain: number;
}

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

const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'];
const TYPES = ['source-aligned', 'aggregate', 'consumer-aligned'];
const PORT_TYPES = ['sql-view', 'table', 'api', 'stream', 'file'];

/** The rules a domain adds in its spec.policies (every fourth domain has them). */
const DOMAIN_RULES = [
  {
    id: 'domain/licence',
    type: 'required-fields',
    severity: 'warning',
    params: { fields: ['spec.usage.license'] },
  },
  {
    id: 'domain/aggregate-purpose',
    type: 'required-fields',
    severity: 'error',
    appliesTo: { kind: 'DataProduct', selector: 'spec.type=aggregate' },
    params: { fields: ['spec.description.limitations'] },
  },
];

/** 1% retired, 5% deprecated, the rest in production. */
function lifecycleOf(roll: number): string {
  if (roll < 0.01) {
    return 'retired';
  }
  return roll < 0.06 ? 'deprecated' : 'production';
}

export function generateMesh(size: MeshSize): Entity[] {
  const rnd = random(42);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const entities: Entity[] = [];
  const domains = Array.from({ length: size.domains }, (_, d) => `domain-${d}`);
  domains.forEach((name, d) => {
    entities.push({
      apiVersion: 'datamesh/v1alpha1',
      kind: 'Domain',
      metadata: { name, namespace: 'default' },
      spec: {
        owner: `group:default/${name}-team-0`,
        ...(d % 4 === 0 ? { policies: DOMAIN_RULES } : {}),
      },
    });
    for (let t = 0; t < size.teamsPerDomain; t++) {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: `${name}-team-${t}`, namespace: 'default' },
        spec: { type: 'team', children: [] },
      });
    }
  });

  for (let p = 0; p < size.products; p++) {
    const name = `product-${p}`;
    const domain = domains[p % domains.length];
    const team = `group:default/${domain}-team-${Math.floor(
      rnd() * size.teamsPerDomain,
    )}`;
    // 2% name a team the catalog does not have.
    const owner = rnd() < 0.02 ? `group:default/${domain}-ghost` : team;
    const lifecycle = lifecycleOf(rnd());
    const classification = pick(CLASSIFICATIONS);
    const outputPorts = Array.from(
      { length: 1 + Math.floor(rnd() * 3) },
      (_, i) => {
        const contract = `${name}-port-${i}-contract`;
        entities.push(contractApi(contract, owner, rnd));
        return {
          name: `port-${i}`,
          type: pick(PORT_TYPES),
          address: `warehouse.${domain}.${name.replace(/-/g, '_')}_${i}`,
          // 3% of ports name a contract that was never registered.
          contract:
            rnd() < 0.03
              ? `api:default/${contract}-missing`
              : `api:default/${contract}`,
        };
      },
    );
    const inputPorts =
      p === 0
        ? []
        : Array.from({ length: Math.floor(rnd() * 3) }, (_, i) => ({
            name: `input-${i}`,
            dataProduct: `dataproduct:default/product-${Math.floor(rnd() * p)}`,
          }));
    entities.push({
      apiVersion: 'datamesh/v1alpha1',
      kind: 'DataProduct',
      metadata: {
        name,
        namespace: 'default',
        title: `Product ${p}`,
        description: `A synthetic data product of ${domain}`,
        tags: [domain, pick(TYPES)],
        annotations: { 'datamesh/descriptor-standard': 'odps' },
      },
      spec: {
        domain: `domain:default/${domain}`,
        owner,
        lifecycle,
        type: pick(TYPES),
        version: '1.0.0',
        classification: rnd() < 0.04 ? undefined : classification,
        description: {
          purpose: rnd() < 0.05 ? undefined : `What ${name} is for`,
          ...(rnd() < 0.5 ? { limitations: 'Refreshed nightly' } : {}),
        },
        outputPorts,
        inputPorts,
        sla: rnd() < 0.05 ? undefined : { updateFrequency: 'daily' },
        ...(rnd() < 0.9
          ? {
              support: [
                { channel: `#${domain}`, url: 'https://chat.example.com' },
              ],
            }
          : {}),
        ...(rnd() < 0.6 ? { usage: { license: 'internal-use-only' } } : {}),
        ...(lifecycle === 'deprecated' && rnd() < 0.7
          ? {
              successor: `dataproduct:default/product-${Math.floor(
                rnd() * size.products,
              )}`,
            }
          : {}),
      },
    });
  }
  return entities;
}

/** A contract API as the catalog module makes it: the ODCS document read into spec.dataContract. */
function contractApi(name: string, owner: string, rnd: () => number): Entity {
  const columns = Array.from(
    { length: 4 + Math.floor(rnd() * 12) },
    (_, c) => ({
      name: `column_${c}`,
      logicalType: 'string',
      // 3% of columns hold personal data, some of them restricted.
      ...(rnd() < 0.03 ? { pii: true, classification: 'restricted' } : {}),
      ...(rnd() < 0.2
        ? { quality: [{ type: 'library', rule: 'nullCheck' }] }
        : {}),
    }),
  );
  const hasPolicy = rnd() < 0.7;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'data-contract',
      lifecycle: 'production',
      owner,
      definition: '(the ODCS document, as registered)',
      dataContract: {
        standard: 'odcs',
        version: '3.0.2',
        id: name,
        objects: [{ name: 'main', physicalType: 'table', properties: columns }],
        ...(rnd() < 0.85
          ? { quality: [{ type: 'library', rule: 'rowCount' }] }
          : {}),
        ...(hasPolicy
          ? {
              terms: {
                roles: [{ role: 'reader', firstLevelApprovers: owner }],
              },
            }
          : {}),
      },
    },
  };
}

/** The mesh-wide policies of a mesh that takes governance seriously: every rule type. */
export const BENCH_POLICIES = [
  {
    id: 'mesh/required-metadata',
    type: 'required-fields',
    severity: 'error',
    params: {
      fields: [
        'spec.owner',
        'spec.domain',
        'spec.description.purpose',
        'spec.classification',
        'spec.sla',
      ],
    },
  },
  {
    id: 'mesh/product-name',
    type: 'naming-pattern',
    severity: 'error',
    params: {
      field: 'metadata.name',
      pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
    },
  },
  {
    id: 'mesh/output-port-contract',
    type: 'output-port-contract',
    severity: 'error',
  },
  {
    id: 'mesh/sensitive-data-access',
    type: 'sensitive-data-access',
    severity: 'error',
  },
  {
    id: 'mesh/deprecated-successor',
    type: 'deprecated-successor',
    severity: 'error',
  },
  { id: 'mesh/owner-group', type: 'owner-group-exists', severity: 'error' },
  {
    id: 'mesh/upstream-not-retired',
    type: 'upstream-not-retired',
    severity: 'error',
  },
  {
    id: 'mesh/contract-quality',
    type: 'contract-quality-declared',
    severity: 'warning',
  },
  {
    id: 'mesh/support-channel',
    type: 'required-fields',
    severity: 'warning',
    params: { fields: ['spec.support'] },
  },
];
