import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { IndexRun, MarketplaceIndexStore } from './MarketplaceIndexStore';
import { readCatalogProducts } from './readCatalogProducts';
import { toIndexedProduct, type IndexedProduct } from './toIndexedProduct';

/** The scheduler task: one run per tick across all replicas. */
export const MARKETPLACE_INDEX_TASK_ID = 'data-marketplace:marketplace-index';

/** Changed products written per transaction: short transactions, few round trips. */
const WRITE_BATCH = 1000;

/**
 * Keeps the marketplace index equal to the catalog's DataProducts: reads them all in pages,
 * writes the ones whose hash changed and removes the ones gone. Stateless between runs
 * (what it compares with is in the database), so any replica may run it, and a run that
 * finds nothing changed writes nothing but the time of the run.
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

  async run(signal?: AbortSignal): Promise<IndexRun> {
    const { catalog, auth, store, logger } = this.deps;
    const started = Date.now();
    const now = () => this.deps.now?.() ?? new Date();
    const credentials = await auth.getOwnServiceCredentials();
    const stored = await store.digests();

    const seen = new Set<string>();
    let pending: IndexedProduct[] = [];
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

    for await (const page of readCatalogProducts(
      catalog,
      credentials,
      signal,
    )) {
      for (const entity of page) {
        const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
        if (seen.has(ref)) {
          continue;
        }
        seen.add(ref);
        let product: IndexedProduct;
        try {
          product = toIndexedProduct(entity);
        } catch (error) {
          // Keep the product's last row rather than drop it: it is still in the catalog.
          logger.warn('Could not index a data product', {
            entityRef: ref,
            error: String(error),
          });
          continue;
        }
        if (stored.get(ref) !== product.row.row_hash) {
          pending.push(product);
        }
      }
      if (pending.length >= WRITE_BATCH) {
        await flush();
      }
    }
    await flush();
    if (signal?.aborted) {
      // A partial read must not remove what it did not get to.
      logger.debug('Marketplace index run aborted', { written });
      return {
        products: seen.size,
        written,
        removed: 0,
        durationMs: Date.now() - started,
      };
    }

    const gone = [...stored.keys()].filter(ref => !seen.has(ref));
    await store.remove(gone);
    const run: IndexRun = {
      products: seen.size,
      written,
      removed: gone.length,
      durationMs: Date.now() - started,
    };
    await store.recordRun({ ...run, at: now() });
    logger.debug('Indexed the marketplace', { ...run });
    return run;
  }
}
