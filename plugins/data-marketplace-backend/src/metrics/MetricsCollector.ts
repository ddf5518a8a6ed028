import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { MetricsSettings } from './config';
import {
  consumptionEvents,
  creationEvents,
  reuseRows,
  updateEvents,
} from './deriveCycleEvents';
import type { MetricsStore } from './MetricsStore';
import { readAccessRequests } from './sources/accessRequests';
import { readCatalogProducts } from './sources/catalogProducts';
import { readTemplateRuns } from './sources/templateRuns';
import type { CycleEvent } from './types';

/** The scheduler task id of the collection (one run per tick across replicas). */
export const METRICS_TASK_ID = 'data-marketplace:metrics-collection';

const DAY_MS = 86_400_000;

/** What one collection run did, for the log and for tests. */
export interface CollectionReport {
  /** Data products read from the catalog. */
  products: number;
  /** Events recorded for the first time, per cycle. */
  recorded: { 1: number; 2: number; 3: number };
  /** Sources that did not answer; the next run reads them again. */
  skipped: Array<'catalog' | 'scaffolder' | 'data-access'>;
}

export interface MetricsCollectorOptions {
  store: MetricsStore;
  catalog: CatalogService;
  auth: AuthService;
  discovery: DiscoveryService;
  logger: LoggerService;
  settings: Pick<
    MetricsSettings,
    'createTemplates' | 'evolveTemplates' | 'lookbackDays'
  >;
  /** The clock; a parameter so tests can hold it still. */
  now?: () => Date;
}

/**
 * Reads the sources of the mesh metrics and records what they imply: the catalog (products,
 * their domain, version and first listing), the scaffolder (template runs) and the
 * data-access plugin (access requests with their history). Every source keeps its own
 * history, so a source that is down is skipped with a warning and read in full next time:
 * nothing is lost, only recorded later.
 */
export class MetricsCollector {
  constructor(private readonly options: MetricsCollectorOptions) {}

  async collect(signal?: AbortSignal): Promise<CollectionReport> {
    const { store, logger, settings } = this.options;
    const now = (this.options.now ?? (() => new Date()))();
    const report: CollectionReport = {
      products: 0,
      recorded: { 1: 0, 2: 0, 3: 0 },
      skipped: [],
    };

    // Domains and versions come from the catalog: without it, events would be recorded
    // without their domain for good, so the whole run waits for the next tick.
    const products = await this.read('catalog', report, () =>
      readCatalogProducts(this.options.catalog, this.options.auth),
    );
    if (!products) {
      return report;
    }
    report.products = products.length;

    await store.recordVersionSightings(
      products.flatMap(p =>
        p.version ? [{ productRef: p.ref, version: p.version }] : [],
      ),
      now,
    );
    const sightings = await store.listVersionSightings();

    const runs = await this.read('scaffolder', report, () =>
      readTemplateRuns(this.options, {
        since: new Date(now.getTime() - settings.lookbackDays * DAY_MS),
        signal,
      }),
    );
    const requests = await this.read('data-access', report, () =>
      readAccessRequests(this.options, { signal }),
    );

    const events: CycleEvent[] = [];
    if (runs) {
      events.push(...creationEvents(products, runs, settings));
      events.push(...updateEvents(products, runs, sightings, settings));
    }
    if (requests) {
      events.push(...consumptionEvents(requests, products));
      await store.saveReuseSnapshot(
        now.toISOString().slice(0, 10),
        reuseRows(products, requests),
      );
    }
    for (const cycle of [1, 2, 3] as const) {
      report.recorded[cycle] = await store.addCycleEvents(
        events.filter(event => event.cycle === cycle),
      );
    }

    // Quiet when nothing happened, which is most runs of a 5-minute schedule.
    const recorded =
      report.recorded[1] + report.recorded[2] + report.recorded[3];
    logger[recorded > 0 ? 'info' : 'debug']('Collected mesh metrics', {
      products: report.products,
      recordedCycle1: report.recorded[1],
      recordedCycle2: report.recorded[2],
      recordedCycle3: report.recorded[3],
      skipped: report.skipped.join(',') || 'none',
    });
    return report;
  }

  private async read<T>(
    source: CollectionReport['skipped'][number],
    report: CollectionReport,
    reader: () => Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await reader();
    } catch (error) {
      this.options.logger.warn(
        `Mesh metrics: could not read the ${source}, skipped until the next run: ${stringifyError(
          error,
        )}`,
      );
      report.skipped.push(source);
      return undefined;
    }
  }
}
