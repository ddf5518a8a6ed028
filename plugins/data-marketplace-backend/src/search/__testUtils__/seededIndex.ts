import type { Entity } from '@backstage/catalog-model';
import type { GovernanceStatus } from '@datamesh/plugin-data-mesh-common';
import type { Knex } from 'knex';
import { DatabaseGovernanceStore } from '../../database';
import { record } from '../../database/__testUtils__/storeTestKit';
import { toIndexedProduct } from '../toIndexedProduct';
import { createIndexStore, databaseService } from './databases';

/**
 * Seven products with known answers for the query tests. Texts are chosen so that each
 * search word matches exactly the products the tests say: "ratings" is in the titles of
 * Ratings feed and Entity ratings and a tag of Credit risk dashboard; "100" in Tenancy
 * analytics and Discount 100% offers, but "100%" only in the latter; "q_1" only in Rentals'
 * port address, "qa1" only in Rent roll's description. "Rent roll" sorts before "Rentals"
 * byte by byte (a space is before any letter), after it in most PostgreSQL locales.
 *
 * | product               | domain          | owner   | type             | classification | lifecycle    | tags             | ports          | consumers | listed     | governance |
 * | tenancy-analytics     | brokerage       | brokers | source-aligned   | internal       | production   | tenants, leases  | sql-view,table | 3         | 2026-01-10 | passing    |
 * | entity-ratings        | brokerage       | brokers | aggregate        | confidential   | production   | credit, ratings  | sql-view       | 5         | 2026-03-01 | warning    |
 * | rent-roll             | asset           | assets  | source-aligned   | internal       | production   | leases, rent     | table          | 1         | 2026-02-01 | failing    |
 * | rentals               | asset           | assets  | consumer-aligned | public         | experimental | rent             | api            | 0         | (none)     | (none)     |
 * | ratings-feed          | capital-markets | markets | source-aligned   | restricted     | production   | ratings          | stream         | 2         | 2026-04-01 | passing    |
 * | credit-risk-dashboard | capital-markets | markets | consumer-aligned | confidential   | deprecated   | credit, ratings  | api, file      | 5         | 2026-03-01 | failing    |
 * | discount-offers       | asset           | assets  | aggregate        | internal       | production   | (none)           | file           | 0         | 2025-12-01 | passing    |
 *
 * A governance result of a product the index does not hold (ghost-product, failing) is
 * never counted.
 */

export const BROKERAGE = 'domain:default/brokerage';
export const ASSET = 'domain:default/asset';
export const MARKETS = 'domain:default/capital-markets';
export const BROKERS = 'group:default/brokerage-data-team';
export const ASSETS = 'group:default/asset-data-team';
export const MARKETS_TEAM = 'group:default/markets-data-team';

interface Seed {
  name: string;
  title: string;
  description: string;
  domain: string;
  owner: string;
  type: string;
  classification: string;
  lifecycle: string;
  tags: string[];
  ports: Array<{ name: string; type: string; address: string }>;
  consumers: number;
  listedAt?: string;
  governance?: GovernanceStatus;
}

const SEEDS: Seed[] = [
  {
    name: 'tenancy-analytics',
    title: 'Tenancy analytics',
    description: 'Leases and tenants of the top 100 buildings.',
    domain: 'brokerage',
    owner: 'brokerage-data-team',
    type: 'source-aligned',
    classification: 'internal',
    lifecycle: 'production',
    tags: ['tenants', 'leases'],
    ports: [
      {
        name: 'leases-by-month',
        type: 'sql-view',
        address: 'wh.brokerage.leases',
      },
      { name: 'tenants', type: 'table', address: 'wh.brokerage.tenants' },
    ],
    consumers: 3,
    listedAt: '2026-01-10T09:00:00.000Z',
    governance: 'passing',
  },
  {
    name: 'entity-ratings',
    title: 'Entity ratings',
    description: 'Credit standing of tenant entities.',
    domain: 'domain:default/brokerage',
    owner: 'group:default/brokerage-data-team',
    type: 'aggregate',
    classification: 'confidential',
    lifecycle: 'production',
    tags: ['credit', 'ratings'],
    ports: [
      { name: 'current', type: 'sql-view', address: 'wh.brokerage.current' },
    ],
    consumers: 5,
    listedAt: '2026-03-01T09:00:00.000Z',
    governance: 'warning',
  },
  {
    name: 'rent-roll',
    title: 'Rent roll',
    description: 'Contracted rent per unit; quarter code qa1.',
    domain: 'asset',
    owner: 'asset-data-team',
    type: 'source-aligned',
    classification: 'internal',
    lifecycle: 'production',
    tags: ['leases', 'rent'],
    ports: [{ name: 'units', type: 'table', address: 'wh.asset.units' }],
    consumers: 1,
    listedAt: '2026-02-01T09:00:00.000Z',
    governance: 'failing',
  },
  {
    name: 'rentals',
    title: 'Rentals',
    description: 'Short stays in serviced offices.',
    domain: 'asset',
    owner: 'asset-data-team',
    type: 'consumer-aligned',
    classification: 'public',
    lifecycle: 'experimental',
    tags: ['rent'],
    ports: [{ name: 'stays', type: 'api', address: 'https://api.example/q_1' }],
    consumers: 0,
  },
  {
    name: 'ratings-feed',
    title: 'Ratings feed',
    description: 'Agency actions as they happen.',
    domain: 'capital-markets',
    owner: 'markets-data-team',
    type: 'source-aligned',
    classification: 'restricted',
    lifecycle: 'production',
    tags: ['ratings'],
    ports: [{ name: 'actions', type: 'stream', address: 'kafka.actions' }],
    consumers: 2,
    listedAt: '2026-04-01T09:00:00.000Z',
    governance: 'passing',
  },
  {
    name: 'credit-risk-dashboard',
    title: 'Credit risk dashboard',
    description: 'Exposure per counterparty.',
    domain: 'capital-markets',
    owner: 'markets-data-team',
    type: 'consumer-aligned',
    classification: 'confidential',
    lifecycle: 'deprecated',
    tags: ['credit', 'ratings'],
    ports: [
      { name: 'exposure', type: 'api', address: 'https://risk.example' },
      { name: 'extract', type: 'file', address: 's3://risk/extract' },
    ],
    consumers: 5,
    listedAt: '2026-03-01T09:00:00.000Z',
    governance: 'failing',
  },
  {
    name: 'discount-offers',
    title: 'Discount 100% offers',
    description: 'Incentives granted on new leases.',
    domain: 'asset',
    owner: 'asset-data-team',
    type: 'aggregate',
    classification: 'internal',
    lifecycle: 'production',
    tags: [],
    ports: [{ name: 'offers', type: 'file', address: 's3://asset/offers' }],
    consumers: 0,
    listedAt: '2025-12-01T09:00:00.000Z',
    governance: 'passing',
  },
];

export const ref = (name: string) => `dataproduct:default/${name}`;
export const SEEDED_REFS = SEEDS.map(seed => ref(seed.name));

/** A DataProduct entity as the catalog serves it. */
export function seedEntity(seed: Seed): Entity {
  return {
    apiVersion: 'datamesh/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: seed.name,
      namespace: 'default',
      title: seed.title,
      description: seed.description,
      tags: seed.tags,
      annotations: seed.listedAt ? { 'datamesh/listed-at': seed.listedAt } : {},
    },
    spec: {
      domain: seed.domain,
      owner: seed.owner,
      type: seed.type,
      classification: seed.classification,
      lifecycle: seed.lifecycle,
      version: '1.0.0',
      description: { purpose: `${seed.title}, for the marketplace tests.` },
      outputPorts: seed.ports,
    },
    relations: Array.from({ length: seed.consumers }, (_, i) => ({
      type: 'dataProductConsumedBy',
      targetRef: `group:default/consumer-${i}`,
    })),
  };
}

export const seededEntities = () => SEEDS.map(seedEntity);

/**
 * Fills the index with the seven products and the governance results with theirs, then
 * ends as a run does: statuses copied, the run recorded.
 */
export async function seedIndex(knex: Knex): Promise<void> {
  const store = await createIndexStore(knex);
  const at = new Date('2026-11-21T10:00:00Z');
  const products = seededEntities().map(entity => ({
    ...toIndexedProduct(entity),
    sourceEtag: null,
  }));
  await store.write(products, {
    at,
    replacing: [],
  });
  const governance = await DatabaseGovernanceStore.create({
    database: databaseService(knex),
    skipMigrations: true,
  });
  await governance.applyChanges({
    write: [
      ...SEEDS.filter(seed => seed.governance).map(seed =>
        record(seed.name, seed.governance!),
      ),
      record('ghost-product', 'failing'),
    ],
    remove: [],
    at,
  });
  await store.recordRun({
    products: SEEDS.length,
    written: SEEDS.length,
    removed: 0,
    statusesCopied: await store.copyGovernanceStatuses(),
    durationMs: 12,
    at,
  });
}
