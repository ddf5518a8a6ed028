import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { DATA_PRODUCT_KIND } from '@datamesh/plugin-data-mesh-common';
import { entityRefOf, readEntitiesByRef, readEntityVersions } from '../catalog';
import type {
  IndexRun,
  MarketplaceIndexStore,
  VersionedProduct,
} from './MarketplaceIndexStore';
import { INDEXED_FIELDS, toIndexedProduct } from './toIndexedProduct';

/** The scheduler task: one run per tick across all replicas. */
export const MARKETPLACE_INDEX_TASK_ID = 'data-marketplace:marketplace-index';

/** Changed products written per transaction: short transactions, few round trips. */
const WRITE_BATCH = 1000;

/** What is read of a changed product: what the index keeps, and its version. */
const CHANGED_PRODUCT_FIELDS = [...INDEXED_FIELDS, 'metadata.etag'];

/**
 * Keeps the marketplace index equal to the catalog's DataProducts. A run reads every
 * product's version (etag) only, reads in full just the products whose version differs
 * from the one indexed, writes those and removes the ones gone, then copies the governance
 * statuses that changed. Stateless between runs (what it compares with is in the
 * database), so any replica may run it, and a run that finds nothing changed writes nothing
 * but the time of the run.
 */
export class MarketplaceIndexer {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: MarketplaceIndexStore;
      logger: LoggerService;
      /** The clock; tests hold it still. */
      now?: () => Date;
    },
  ) {}

  /**
   * Vacuums and analyzes the tables that need it after a run; a failure slows queries down
   * but loses nothing.
   */
  private async maintainTables() {
    try {
      const maintained = await this.deps.store.maintainTables();
      if (maintained.length > 0) {
        this.deps.logger.debug('Vacuumed and analyzed the marketplace tables', {
          tables: maintained.join(', '),
        });
      }
    } catch (error) {
      this.deps.logger.warn(
        'Could not vacuum and analyze the marketplace index; its queries may be slower',
        { error: String(error) },
      );
    }
  }

  async run(signal?: AbortSignal): Promise<IndexRun> {
    const { catalog, auth, store, logger } = this.deps;
    const started = Date.now();
    const now = () => this.deps.now?.() ?? new Date();
    const credentials = await auth.getOwnServiceCredentials();
    const current = await readEntityVersions(
      catalog,
      credentials,
      { kind: DATA_PRODUCT_KIND },
      signal,
    );
    if (!current) {
      // A partial read must neither write nor remove anything.
      logger.debug('Marketplace index run aborted');
      return {
        products: 0,
        written: 0,
        removed: 0,
        statusesCopied: 0,
        durationMs: 0,
      };
    }
    const stored = await store.versions();
    const changed = [...current]
      .filter(([ref, etag]) => stored.get(ref) !== etag)
      .map(([ref]) => ref);

    let pending: VersionedProduct[] = [];
    let written = 0;
    const flush = async () => {
      await store.write(pending, {
        at: now(),
        replacing: pending
          .map(p => p.row.entity_ref)
          .filter(ref => stored.has(ref)),
      });
      written += pending.length;
      pending = [];
    };
    for await (const page of readEntitiesByRef(
      catalog,
      credentials,
      changed,
      CHANGED_PRODUCT_FIELDS,
    )) {
      for (const entity of page) {
        try {
          pending.push({
            ...toIndexedProduct(entity),
            // The version read, which may be newer than the one listed: it is what was indexed.
            sourceEtag: entity.metadata.etag ?? null,
          });
        } catch (error) {
          // Keep the product's last row rather than drop it: it is still in the catalog.
          logger.warn('Could not index a data product', {
            entityRef: entityRefOf(entity),
            error: String(error),
          });
        }
      }
      if (pending.length >= WRITE_BATCH) {
        await flush();
      }
      if (signal?.aborted) {
        break;
      }
    }
    await flush();
    if (signal?.aborted) {
      // What was written is right; the rest waits for the next run.
      logger.debug('Marketplace index run aborted', { written });
      return {
        products: current.size,
        written,
        removed: 0,
        statusesCopied: 0,
        durationMs: Date.now() - started,
      };
    }

    const gone = [...stored.keys()].filter(ref => !current.has(ref));
    await store.remove(gone);
    const statusesCopied = await store.copyGovernanceStatuses();
    const run: IndexRun = {
      products: current.size,
      written,
      removed: gone.length,
      statusesCopied,
      durationMs: Date.now() - started,
    };
    await store.recordRun({ ...run, at: now() });
    logger.debug('Indexed the marketplace', { ...run });
    await this.maintainTables();
    return run;
  }
}
