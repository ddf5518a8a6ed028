import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { evaluateGovernance } from '@datamesh/plugin-data-mesh-common';
import type { GovernanceStore, ProductGovernanceRecord } from '../database';
import { dayOf } from './dayOf';
import type { MeshPolicies } from './MeshPolicies';
import { readGovernanceInputs } from './readGovernanceInputs';
import { refreshInCatalog } from './refreshInCatalog';
import { toGovernanceRecord } from './toGovernanceRecord';

/**
 * Products evaluated before the loop yields to the event loop: a few milliseconds of work, so
 * that the portal's requests are not held up for the seconds a whole mesh takes.
 */
const PRODUCTS_BETWEEN_YIELDS = 50;

/** What one run did, for logs and tests. */
export interface EvaluationOutcome {
  products: number;
  written: number;
  removed: number;
  /** Products whose status changed (or that are new), asked to be refreshed in the catalog. */
  statusChanged: string[];
  durationMs: number;
}

/**
 * Evaluates every data product of the catalog against the policies in force and keeps the
 * results in the store. Stateless between runs (what it compares with is in the database),
 * so whichever replica the scheduler picks gives the same result, and runs that overlap
 * write the same rows.
 */
export class GovernanceEvaluator {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: GovernanceStore;
      policies: MeshPolicies;
      logger: LoggerService;
      /** The clock; tests move it to another day. */
      now?: () => Date;
    },
  ) {}

  async run(): Promise<EvaluationOutcome> {
    const { catalog, auth, store, logger } = this.deps;
    const started = Date.now();
    const policies = this.deps.policies.current();
    const credentials = await auth.getOwnServiceCredentials();
    const { products, context, entities } = await readGovernanceInputs(
      catalog,
      credentials,
    );
    const stored = await store.digests();

    const seen = new Set<string>();
    const write: ProductGovernanceRecord[] = [];
    const statusChanged: string[] = [];
    for (const [index, product] of products.entries()) {
      if (index > 0 && index % PRODUCTS_BETWEEN_YIELDS === 0) {
        // Evaluating 10,000 products takes seconds of CPU; let requests in between.
        await new Promise(resolve => setImmediate(resolve));
      }
      let record: ProductGovernanceRecord;
      try {
        record = toGovernanceRecord(
          product,
          evaluateGovernance({ entity: product, policies, context }),
        );
      } catch (error) {
        // Keep the product's last result rather than drop it: it is still in the catalog.
        const entityRef =
          stringifyEntityRef(product).toLocaleLowerCase('en-US');
        seen.add(entityRef);
        logger.warn('Could not evaluate a data product', {
          entityRef,
          error: String(error),
        });
        continue;
      }
      if (seen.has(record.entityRef)) {
        continue;
      }
      seen.add(record.entityRef);
      const before = stored.get(record.entityRef);
      if (before?.hash !== record.hash) {
        write.push(record);
      }
      if (before?.status !== record.status) {
        statusChanged.push(record.entityRef);
      }
    }
    const remove = [...stored.keys()].filter(ref => !seen.has(ref));

    const at = this.deps.now?.() ?? new Date();
    await store.applyChanges({ write, remove, at });
    await store.takeSnapshot(dayOf(at), {
      replace: write.length + remove.length > 0,
      at,
    });
    const outcome: EvaluationOutcome = {
      products: seen.size,
      written: write.length,
      removed: remove.length,
      statusChanged,
      durationMs: Date.now() - started,
    };
    await store.recordRun({
      products: outcome.products,
      written: outcome.written,
      removed: outcome.removed,
      durationMs: outcome.durationMs,
      at,
    });
    const refreshed = await refreshInCatalog(statusChanged, {
      catalog,
      auth,
      logger,
    });
    logger.info('Evaluated the governance of the mesh', {
      products: outcome.products,
      entitiesRead: entities,
      written: outcome.written,
      removed: outcome.removed,
      refreshed,
      durationMs: outcome.durationMs,
    });
    return outcome;
  }
}
