import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  GovernanceStore,
  ProductGovernanceRecord,
  ProductInputs,
} from '../database';
import { dayOf } from './dayOf';
import { evaluateProducts } from './evaluateProducts';
import { readGovernanceVersions } from './governanceReads';
import { inputsDigest, policiesDigest } from './inputsDigest';
import type { MeshPolicies } from './MeshPolicies';
import { refreshInCatalog } from './refreshInCatalog';
import { toGovernanceRecord } from './toGovernanceRecord';

/** Products compared between yields to the event loop while finding what changed. */
const COMPARISONS_BETWEEN_YIELDS = 1000;

/** What one run did, for logs and tests. */
export interface EvaluationOutcome {
  products: number;
  /** Products evaluated: new, or with something they depend on changed. */
  evaluated: number;
  written: number;
  removed: number;
  /** Products whose status changed (or that are new), asked to be refreshed in the catalog. */
  statusChanged: string[];
  durationMs: number;
}

/**
 * Keeps the governance result of every data product of the catalog, against the policies in
 * force. A run reads only the catalog versions (etags) of products and contracts, and the few
 * groups and domains whole (versioned by content, see governanceReads), and evaluates again
 * only the products whose inputs changed:
 * the policies, the product, or an entity its rules looked up last time (or its appearing).
 * Stateless between runs (what it compares with is in the database), so whichever replica
 * the scheduler picks gives the same result, and runs that overlap write the same rows.
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
    const policiesKey = policiesDigest(policies);
    const credentials = await auth.getOwnServiceCredentials();
    const versions = await readGovernanceVersions(catalog, credentials);
    const stored = await store.digests();
    const inputs = await store.inputs();
    const due = await this.productsDue(versions.products, inputs, ref =>
      inputsDigest(policiesKey, ref, inputs.get(ref)!.dependsOn, versions.all),
    );

    const write: ProductGovernanceRecord[] = [];
    const evaluatedInputs: Array<ProductInputs & { entityRef: string }> = [];
    const statusChanged: string[] = [];
    for await (const batch of evaluateProducts({
      refs: due,
      catalog,
      credentials,
      policies,
      versions,
    })) {
      for (const { product, entityRef, dependsOn, result, error } of batch) {
        if (!result) {
          // Keep the product's last result rather than drop it: it is still in the catalog.
          logger.warn('Could not evaluate a data product', {
            entityRef,
            error: String(error),
          });
          continue;
        }
        const record = toGovernanceRecord(product, result);
        const before = stored.get(record.entityRef);
        if (before?.hash !== record.hash) {
          write.push(record);
        }
        if (before?.status !== record.status) {
          statusChanged.push(record.entityRef);
        }
        evaluatedInputs.push({
          entityRef,
          // From the versions listed, not those read since: a change in between is seen
          // as a change by the next run.
          digest: inputsDigest(policiesKey, entityRef, dependsOn, versions.all),
          dependsOn,
        });
      }
    }
    const remove = [...new Set([...stored.keys(), ...inputs.keys()])].filter(
      ref => !versions.products.has(ref),
    );

    const at = this.deps.now?.() ?? new Date();
    await store.applyChanges({ write, remove, inputs: evaluatedInputs, at });
    await store.takeSnapshot(dayOf(at), {
      replace: write.length + remove.length > 0,
      at,
    });
    const outcome: EvaluationOutcome = {
      products: versions.products.size,
      evaluated: due.length,
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
      evaluated: outcome.evaluated,
      written: outcome.written,
      removed: outcome.removed,
      refreshed,
      durationMs: outcome.durationMs,
    });
    return outcome;
  }

  /** Products never evaluated, or whose inputs' digest is no longer the stored one. */
  private async productsDue(
    products: Map<string, string>,
    inputs: Map<string, ProductInputs>,
    digestNow: (ref: string) => string,
  ): Promise<string[]> {
    const due: string[] = [];
    let compared = 0;
    for (const ref of products.keys()) {
      if (++compared % COMPARISONS_BETWEEN_YIELDS === 0) {
        await new Promise(resolve => setImmediate(resolve));
      }
      const before = inputs.get(ref);
      if (!before || before.digest !== digestNow(ref)) {
        due.push(ref);
      }
    }
    return due;
  }
}
