/*
 * The marketplace's faceted search through the catalog's own query API, and beside it in the
 * same run through the marketplace index that serves the page:
 *   yarn workspace app bench:catalog-queries [products=10000] [--postgres]
 * Starts the demo backend with N generated products (benchPortal.ts), waits until the
 * marketplace index holds them too, then times each query shape the marketplace page sends:
 * through the catalog, a page of products (`/entities/by-query`, with the fields a card needs)
 * and the facet counts (`/entity-facets`) sent together as a page would; through the index,
 * `/api/data-marketplace/marketplace/products` (a page with every facet's counts) with the
 * same filters. It prints p50/p95 per shape for each, and of the backend's liveness check
 * timed between the index's requests (what the portal's background work adds to any
 * request). Target: p95 <= 100 ms at 10,000 products, <= 300 ms at 100,000.
 * Before measuring it waits until the portal has taken the products in: governance has
 * evaluated every one, the catalog holds each status (governance asks it to refresh each
 * product whose status changed; at 100,000 products that takes the catalog most of an hour)
 * and the index has run twice since. Until then the catalog reprocesses products all the
 * time and the index rewrites them; BENCH_WAIT_FOR_STATUSES=0 measures without waiting, as a
 * portal is after a change of policy that changes every product's status.
 * BENCH_PORTAL_URL=http://localhost:7017 measures a bench portal already running with N
 * products instead of starting one (a catalog of 100,000 takes most of an hour to fill).
 * BENCH_PROCESSING_INTERVAL_MINUTES=30 sets the catalog's processingInterval of the portal
 * started (by default the catalog's own, 100 to 150 s). BENCH_SETTLE_MINUTES=5 waits that
 * long after the index holds every product before measuring: right after an ingestion the
 * backend is still busy with it (the catalog stitching, governance evaluating every product
 * and the catalog taking up their statuses, the index rewriting them), which is not how a
 * portal spends its days. BENCH_ROUNDS=40 rounds per shape; BENCH_CATALOG_ROUNDS (by default
 * the same) for the catalog's side alone, whose requests take seconds each at 100,000, and
 * BENCH_CATALOG_WARMUP (by default 3) warm-up rounds before them.
 */
import {
  catalogCount,
  personaToken,
  poll,
  startBenchPortal,
} from './benchPortal';

const args = process.argv.slice(2);
const count = Number(args.find(a => /^\d+$/.test(a)) ?? 10000);
const postgres = args.includes('--postgres');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const CATALOG_ROUNDS = Number(process.env.BENCH_CATALOG_ROUNDS ?? ROUNDS);
const CATALOG_WARMUP = Number(process.env.BENCH_CATALOG_WARMUP ?? 3);
const SETTLE_MINUTES = Number(process.env.BENCH_SETTLE_MINUTES ?? 0);
const WAIT_FOR_STATUSES = process.env.BENCH_WAIT_FOR_STATUSES !== '0';
const PROCESSING_INTERVAL = process.env.BENCH_PROCESSING_INTERVAL_MINUTES
  ? Number(process.env.BENCH_PROCESSING_INTERVAL_MINUTES)
  : undefined;

const FACETS = [
  'spec.domain',
  'spec.owner',
  'spec.type',
  'spec.classification',
  'spec.lifecycle',
  'metadata.tags',
  'spec.outputPorts.type',
  'metadata.annotations.datamesh/governance-status',
];
const CARD_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'metadata.tags',
  'spec.domain',
  'spec.owner',
  'spec.classification',
  'spec.lifecycle',
  'spec.sla',
  'spec.description.purpose',
  'relations',
];

interface Shape {
  name: string;
  filter: string[];
  term?: string;
  order?: string;
  /** The same question to the marketplace index. */
  index: Record<string, string>;
}

const shapes: Shape[] = [
  { name: 'first page', filter: ['kind=dataproduct'], index: {} },
  {
    name: 'search "ratings"',
    filter: ['kind=dataproduct'],
    term: 'ratings',
    index: { q: 'ratings' },
  },
  {
    name: 'one facet (domain)',
    filter: ['kind=dataproduct', 'spec.domain=domain:default/brokerage'],
    index: { domain: 'brokerage' },
  },
  {
    name: 'three facets',
    filter: [
      'kind=dataproduct',
      'spec.domain=domain:default/brokerage',
      'spec.classification=internal',
      'spec.lifecycle=production',
    ],
    index: {
      domain: 'brokerage',
      classification: 'internal',
      lifecycle: 'production',
    },
  },
  {
    name: 'search + facet + newest',
    filter: ['kind=dataproduct', 'spec.type=aggregate'],
    term: 'rents',
    order: 'desc:metadata.annotations.datamesh/listed-at',
    index: { q: 'rents', type: 'aggregate', sort: 'newest' },
  },
];

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Requests sent again after the connection was reset (counted, and printed at the end). */
let resets = 0;

async function timed(url: string, token: string): Promise<number> {
  const start = performance.now();
  let response;
  try {
    response = await fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
    });
  } catch (error) {
    // A kept-alive connection the server closed as the request went out: send it again,
    // timed from the new attempt. Anything else, or more than ten resets, ends the run.
    if ((error as any)?.cause?.code !== 'ECONNRESET' || resets++ > 10) {
      throw error;
    }
    return timed(url, token);
  }
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return performance.now() - start;
}

function pageUrl(base: string, shape: Shape) {
  const params = new URLSearchParams();
  shape.filter.forEach(f => params.append('filter', f));
  if (shape.term) {
    params.set('fullTextFilterTerm', shape.term);
    params.set(
      'fullTextFilterFields',
      'metadata.name,metadata.title,metadata.description,metadata.tags,spec.description.purpose',
    );
  }
  params.set('orderField', shape.order ?? 'asc:metadata.title');
  params.set('limit', '24');
  params.set('fields', CARD_FIELDS.join(','));
  return `${base}/api/catalog/entities/by-query?${params}`;
}

function facetsUrl(base: string, shape: Shape) {
  const params = new URLSearchParams();
  shape.filter.forEach(f => params.append('filter', f));
  FACETS.forEach(f => params.append('facet', f));
  return `${base}/api/catalog/entity-facets?${params}`;
}

function indexUrl(base: string, shape: Shape) {
  const params = new URLSearchParams({ ...shape.index, limit: '24' });
  return `${base}/api/data-marketplace/marketplace/products?${params}`;
}

/** The index's first page: how many products it holds, and when it last finished a run. */
async function indexFirstPage(
  base: string,
  token: string,
): Promise<{ totalItems: number; indexedAt: string | null }> {
  const response = await fetch(indexUrl(base, shapes[0]), {
    headers: { Authorization: `Bearer ${token}` },
  });
  return response.json();
}

/**
 * Waits until the catalog holds every product's governance status (the generated ones and
 * the demo's five) and the index has finished two runs since, to take them in.
 */
async function waitForStatuses(base: string, token: () => Promise<string>) {
  const started = Date.now();
  await poll(
    'every governance status in the catalog',
    async () => {
      const withStatus = await catalogCount(
        base,
        await token(),
        'kind=dataproduct,metadata.annotations.datamesh/governance-status',
      );
      return withStatus >= count + 5 ? true : undefined;
    },
    4 * 3_600_000,
  );
  let last = (await indexFirstPage(base, await token())).indexedAt;
  for (let runs = 0; runs < 2; ) {
    await new Promise(r => setTimeout(r, 2000));
    const at = (await indexFirstPage(base, await token())).indexedAt;
    if (at !== last) {
      runs++;
      last = at;
    }
  }
  console.log(
    `the catalog held every governance status and the index took them in ${(
      (Date.now() - started) /
      1000
    ).toFixed(0)} s later`,
  );
}

const pair = (v: number[]) =>
  `${percentile(v, 50).toFixed(0)}/${percentile(v, 95).toFixed(0)} ms`;

/**
 * The same shape through the marketplace index: one request answers page and facets. Each
 * is followed by the backend's liveness check, which does no work: what any request to the
 * portal waits for at that moment (the event loop, busy with the background work).
 */
async function timeIndex(base: string, token: string, shape: Shape) {
  const index: number[] = [];
  const liveness: number[] = [];
  for (let round = 0; round < ROUNDS + 3; round++) {
    const time = await timed(indexUrl(base, shape), token);
    const idle = await timed(`${base}/.backstage/health/v1/liveness`, token);
    if (round >= 3) {
      // after the warm-up
      index.push(time);
      liveness.push(idle);
    }
  }
  return { index, liveness };
}

async function main() {
  const existing = process.env.BENCH_PORTAL_URL;
  const portal = existing
    ? {
        baseUrl: existing,
        token: () => personaToken(existing),
        ingestionSeconds: NaN,
        stop: async () => {},
      }
    : await startBenchPortal({
        products: count,
        postgres,
        processingIntervalMinutes: PROCESSING_INTERVAL,
      });
  try {
    console.log(
      existing
        ? `measuring the running portal at ${existing} (${count} generated products); ${ROUNDS} rounds per shape`
        : `catalog holds the ${count} generated products (${
            postgres ? 'PostgreSQL' : 'SQLite'
          }) after ${portal.ingestionSeconds.toFixed(
            0,
          )} s; catalog processing interval ${
            PROCESSING_INTERVAL ? `${PROCESSING_INTERVAL} min` : 'default'
          }; ${ROUNDS} rounds per shape (catalog ${CATALOG_ROUNDS})`,
    );
    let token = await portal.token();
    const indexed = Date.now();
    await poll(
      'every product in the marketplace index',
      async () => {
        const { totalItems } = await indexFirstPage(portal.baseUrl, token);
        return totalItems >= count ? true : undefined;
      },
      3_600_000,
    );
    console.log(
      `the marketplace index held them ${(
        (Date.now() - indexed) /
        1000
      ).toFixed(0)} s later`,
    );
    if (WAIT_FOR_STATUSES) {
      await waitForStatuses(portal.baseUrl, () => portal.token());
    }
    if (SETTLE_MINUTES > 0) {
      console.log(`measuring after ${SETTLE_MINUTES} min of settling`);
      await new Promise(r => setTimeout(r, SETTLE_MINUTES * 60_000));
    }
    // A token lasts an hour; the waits above may take longer.
    token = await portal.token();
    console.log(
      `\n${'query shape'.padEnd(26)} ${'by-query p50/p95'.padStart(
        18,
      )} ${'facets p50/p95'.padStart(16)} ${'page+facets p50/p95'.padStart(
        21,
      )} ${'index p50/p95'.padStart(16)} ${'liveness p50/p95'.padStart(18)}`,
    );
    for (const shape of shapes) {
      const page: number[] = [];
      const facets: number[] = [];
      const both: number[] = [];
      for (let round = 0; round < CATALOG_ROUNDS + CATALOG_WARMUP; round++) {
        const start = performance.now();
        const [p, f] = await Promise.all([
          timed(pageUrl(portal.baseUrl, shape), token),
          timed(facetsUrl(portal.baseUrl, shape), token),
        ]);
        if (round < CATALOG_WARMUP) continue;
        page.push(p);
        facets.push(f);
        both.push(performance.now() - start);
      }
      const { index, liveness } = await timeIndex(portal.baseUrl, token, shape);
      console.log(
        `${shape.name.padEnd(26)} ${pair(page).padStart(18)} ${pair(
          facets,
        ).padStart(16)} ${pair(both).padStart(21)} ${pair(index).padStart(
          16,
        )} ${pair(liveness).padStart(18)}`,
      );
    }
    if (resets > 0) {
      console.log(`${resets} request(s) sent again after a connection reset`);
    }
  } finally {
    await portal.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
