import { metricsRef } from './refs';
import type { AccessRequestTimes } from './sources/accessRequests';
import type { CatalogProduct } from './sources/catalogProducts';
import type { TemplateRun } from './sources/templateRuns';
import type { CycleEvent, ReuseSnapshotRow, VersionSighting } from './types';

/*
 * From what the sources say now to the lead times they imply. Pure: the same facts give the
 * same events, which is what lets every collection run derive everything again and the
 * store keep only what is new.
 */

export interface TemplateRefs {
  createTemplates: string[];
  evolveTemplates: string[];
}

/** The product a create-template run makes: its `name` answer, in `namespace` or default. */
function createdProduct(run: TemplateRun): string | undefined {
  const { name, namespace } = run.parameters;
  if (typeof name !== 'string') {
    return undefined;
  }
  return metricsRef(name, {
    defaultKind: 'dataproduct',
    defaultNamespace: typeof namespace === 'string' ? namespace : 'default',
  });
}

/** The product an evolve-template run changes: its `product` answer (an entity ref). */
function evolvedProduct(run: TemplateRun): string | undefined {
  return metricsRef(run.parameters.product, { defaultKind: 'dataproduct' });
}

function earliest(runs: TemplateRun[]): TemplateRun | undefined {
  return runs.reduce<TemplateRun | undefined>(
    (first, run) => (!first || run.createdAt < first.createdAt ? run : first),
    undefined,
  );
}

/**
 * Cycle 1, creating a product: from the earliest run of a create template that names the
 * product and started before the catalog first listed it, to that listing (the
 * `datamesh/listed-at` annotation). Products registered without a template have none.
 */
export function creationEvents(
  products: CatalogProduct[],
  runs: TemplateRun[],
  templates: TemplateRefs,
): CycleEvent[] {
  const runsByProduct = new Map<string, TemplateRun[]>();
  for (const run of runs) {
    const product = templates.createTemplates.includes(run.templateRef)
      ? createdProduct(run)
      : undefined;
    if (product) {
      const list = runsByProduct.get(product) ?? [];
      list.push(run);
      runsByProduct.set(product, list);
    }
  }
  const events: CycleEvent[] = [];
  for (const product of products) {
    const listedAt = product.listedAt;
    const start =
      listedAt &&
      earliest(
        (runsByProduct.get(product.ref) ?? []).filter(
          run => run.createdAt <= listedAt,
        ),
      );
    if (listedAt && start) {
      events.push({
        cycle: 1,
        eventKey: product.ref,
        productRef: product.ref,
        ...(product.domain && { domain: product.domain }),
        startedAt: start.createdAt,
        endedAt: listedAt,
        sourceRef: start.id,
      });
    }
  }
  return events;
}

/**
 * Cycle 2, updating a product: from the start of the evolve-template run that asked for a
 * version to the first time the catalog showed that version. The run is the one naming
 * the version (its `version` answer), else, for runs that name none, the earliest one that
 * started after the previous version was seen. A product's first sighting is no update:
 * it is the version the collector found when it first looked (or Cycle 1's end).
 */
export function updateEvents(
  products: CatalogProduct[],
  runs: TemplateRun[],
  sightings: VersionSighting[],
  templates: TemplateRefs,
): CycleEvent[] {
  const domains = new Map(products.map(p => [p.ref, p.domain]));
  const evolveRuns = runs.filter(run =>
    templates.evolveTemplates.includes(run.templateRef),
  );
  const sightingsByProduct = new Map<string, VersionSighting[]>();
  for (const sighting of sightings) {
    const list = sightingsByProduct.get(sighting.productRef) ?? [];
    list.push(sighting);
    sightingsByProduct.set(sighting.productRef, list);
  }

  const events: CycleEvent[] = [];
  for (const [productRef, seen] of sightingsByProduct) {
    const ordered = [...seen].sort((a, b) =>
      a.firstSeenAt.localeCompare(b.firstSeenAt),
    );
    const forProduct = evolveRuns.filter(
      run => evolvedProduct(run) === productRef,
    );
    ordered.slice(1).forEach((sighting, i) => {
      const previousSeenAt = ordered[i].firstSeenAt;
      const before = forProduct.filter(
        run => run.createdAt <= sighting.firstSeenAt,
      );
      const start =
        earliest(
          before.filter(run => run.parameters.version === sighting.version),
        ) ??
        earliest(
          before.filter(
            run =>
              typeof run.parameters.version !== 'string' &&
              run.createdAt > previousSeenAt,
          ),
        );
      if (!start) {
        return;
      }
      const domain = domains.get(productRef);
      events.push({
        cycle: 2,
        eventKey: `${productRef}@${sighting.version}`,
        productRef,
        ...(domain && { domain }),
        version: sighting.version,
        startedAt: start.createdAt,
        endedAt: sighting.firstSeenAt,
        sourceRef: start.id,
      });
    });
  }
  return events;
}

/**
 * Cycle 3, consuming a product: from the access request to access granted, with the
 * approval in between. Requests never granted (waiting, rejected, cancelled, failed) have
 * no lead time yet; a grant revoked or expired since still counts.
 */
export function consumptionEvents(
  requests: AccessRequestTimes[],
  products: CatalogProduct[],
): CycleEvent[] {
  const domains = new Map(products.map(p => [p.ref, p.domain]));
  const events: CycleEvent[] = [];
  for (const request of requests) {
    const productRef = metricsRef(request.dataProduct, {
      defaultKind: 'dataproduct',
    });
    if (
      !productRef ||
      !request.grantedAt ||
      request.grantedAt < request.createdAt
    ) {
      continue;
    }
    const domain = domains.get(productRef);
    const decided =
      request.decidedAt &&
      request.decidedAt >= request.createdAt &&
      request.decidedAt <= request.grantedAt;
    events.push({
      cycle: 3,
      eventKey: request.id,
      productRef,
      ...(domain && { domain }),
      startedAt: request.createdAt,
      ...(decided && { decidedAt: request.decidedAt }),
      endedAt: request.grantedAt,
    });
  }
  return events;
}

/**
 * Reuse now: for every product in the catalog, its distinct consumers among the access
 * requests currently granted (a product nobody consumes counts, with 0).
 */
export function reuseRows(
  products: CatalogProduct[],
  requests: AccessRequestTimes[],
): Array<Omit<ReuseSnapshotRow, 'day'>> {
  const consumers = new Map<string, Set<string>>();
  for (const request of requests) {
    const productRef = metricsRef(request.dataProduct, {
      defaultKind: 'dataproduct',
    });
    const consumer = metricsRef(request.consumer);
    if (request.state !== 'granted' || !productRef || !consumer) {
      continue;
    }
    consumers.set(
      productRef,
      (consumers.get(productRef) ?? new Set()).add(consumer),
    );
  }
  return products.map(product => ({
    productRef: product.ref,
    ...(product.domain && { domain: product.domain }),
    consumers: consumers.get(product.ref)?.size ?? 0,
  }));
}
