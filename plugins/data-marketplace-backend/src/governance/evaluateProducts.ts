import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  evaluateGovernance,
  type GovernanceResult,
  type PolicyRule,
} from '@datamesh/plugin-data-mesh-common';
import { entityRefOf, readEntitiesByRef } from '../catalog';
import { EVALUATED_FIELDS, type GovernanceVersions } from './governanceReads';
import { RecordingContext } from './recordingContext';

/** Products read and evaluated together: one catalog request, then its lookups. */
const PRODUCTS_PER_BATCH = 200;

/**
 * Products evaluated before the loop yields to the event loop: a few milliseconds of work,
 * so that the portal's requests are not held up for the seconds a whole mesh takes.
 */
const PRODUCTS_BETWEEN_YIELDS = 50;

/** Lookups kept across batches (shared contracts, upstream products), then let go. */
const MAX_LOADED = 20_000;

/**
 * Rounds of loading what the rules asked for: a product's rules read its contracts, group,
 * domain and upstream products, all named on the product itself, so one round loads them;
 * the others are a margin for rules that follow a looked-up entity further.
 */
const MAX_ROUNDS = 4;

/** One product's evaluation: its result, or why it has none. */
export interface EvaluatedProduct {
  product: Entity;
  entityRef: string;
  /** The lowercase refs the rules looked up, present or not. */
  dependsOn: string[];
  result?: GovernanceResult;
  error?: unknown;
}

/** An evaluation with the refs it asked for that the catalog has but were not loaded. */
type Attempt = EvaluatedProduct & { missing: string[] };

/**
 * Reads the named products from the catalog and evaluates them, loading only the entities
 * their rules look up (by ref, a batch at a time), and records those refs: what each
 * result depends on. Yields the products a batch at a time.
 */
export async function* evaluateProducts(options: {
  refs: string[];
  catalog: CatalogService;
  credentials: BackstageCredentials;
  policies: PolicyRule[];
  versions: GovernanceVersions;
}): AsyncGenerator<EvaluatedProduct[]> {
  const { catalog, credentials, policies, versions } = options;
  // Groups and domains were read with the versions: never loaded again.
  const loaded = new Map<string, Entity | null>(versions.preloaded);
  let sinceYield = 0;

  const evaluate = async (product: Entity): Promise<Attempt> => {
    if (++sinceYield >= PRODUCTS_BETWEEN_YIELDS) {
      sinceYield = 0;
      await new Promise(resolve => setImmediate(resolve));
    }
    const entityRef = entityRefOf(product);
    const context = new RecordingContext(loaded);
    let outcome: Pick<EvaluatedProduct, 'result' | 'error'>;
    try {
      outcome = {
        result: evaluateGovernance({ entity: product, policies, context }),
      };
    } catch (error) {
      outcome = { error };
    }
    // Refs the catalog does not hold are absent for every product: remember that.
    for (const ref of context.missing) {
      if (!versions.all.has(ref)) {
        loaded.set(ref, null);
      }
    }
    return {
      product,
      entityRef,
      dependsOn: context.dependsOn(entityRef),
      ...outcome,
      missing: [...context.missing].filter(ref => versions.all.has(ref)),
    };
  };

  for (
    let start = 0;
    start < options.refs.length;
    start += PRODUCTS_PER_BATCH
  ) {
    if (loaded.size > MAX_LOADED + versions.preloaded.size) {
      loaded.clear();
      versions.preloaded.forEach((entity, ref) => loaded.set(ref, entity));
    }
    const products: Entity[] = [];
    for await (const page of readEntitiesByRef(
      catalog,
      credentials,
      options.refs.slice(start, start + PRODUCTS_PER_BATCH),
      EVALUATED_FIELDS,
    )) {
      products.push(...page);
    }
    // A product is also what its downstream products look up.
    for (const product of products) {
      loaded.set(entityRefOf(product), product);
    }

    const done: EvaluatedProduct[] = [];
    let pending = products;
    for (let round = 1; pending.length > 0; round++) {
      const evaluated: Attempt[] = [];
      for (const product of pending) {
        evaluated.push(await evaluate(product));
      }
      const incomplete = evaluated.filter(e => e.missing.length > 0);
      for (const { missing, ...product } of evaluated) {
        if (missing.length === 0 || round === MAX_ROUNDS) {
          done.push(product);
        }
      }
      if (round === MAX_ROUNDS) {
        break;
      }
      const toLoad = [...new Set(incomplete.flatMap(e => e.missing))];
      for await (const page of readEntitiesByRef(
        catalog,
        credentials,
        toLoad,
        EVALUATED_FIELDS,
      )) {
        for (const entity of page) {
          loaded.set(entityRefOf(entity), entity);
        }
      }
      // Gone from the catalog since its version was read: absent.
      for (const ref of toLoad) {
        if (!loaded.has(ref)) {
          loaded.set(ref, null);
        }
      }
      pending = incomplete.map(e => e.product);
    }
    yield done;
  }
}
