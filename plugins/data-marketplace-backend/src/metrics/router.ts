import type { HttpAuthService } from '@backstage/backend-plugin-api';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import { toCsv } from './csv';
import type { CycleEventFilter, MetricsStore } from './MetricsStore';
import {
  buildCycleTimeseries,
  buildReuseTimeseries,
  buildSummary,
  EXPORT_COLUMNS,
  toExportRow,
} from './report';
import {
  exportQuerySchema,
  parseQuery,
  reuseTimeseriesQuerySchema,
  summaryQuerySchema,
  timeseriesQuerySchema,
} from './validation';

export interface MetricsRouterOptions {
  store: MetricsStore;
  httpAuth: HttpAuthService;
  /** The clock, for the export's file name; a parameter so tests can hold it still. */
  now?: () => Date;
}

interface Window {
  from?: Date;
  to?: Date;
  domain?: string;
}

function eventFilter(query: Window): CycleEventFilter {
  return {
    domain: query.domain,
    endedFrom: query.from,
    endedBefore: query.to,
  };
}

/** The snapshot days inside the window: `to` is exclusive, so its day counts only after midnight. */
function dayFilter(query: Window) {
  return {
    domain: query.domain,
    fromDay: query.from?.toISOString().slice(0, 10),
    toDay: query.to
      ? new Date(query.to.getTime() - 1).toISOString().slice(0, 10)
      : undefined,
  };
}

function echo(query: Window) {
  return {
    from: query.from?.toISOString() ?? null,
    to: query.to?.toISOString() ?? null,
    domain: query.domain ?? null,
  };
}

/**
 * The mesh metrics API, mounted under the plugin's base path (/api/data-marketplace):
 * summary, time series and export. For signed-in users and for services; metrics are
 * aggregates of what the catalog and the marketplace already show.
 */
export async function createMetricsRouter(
  options: MetricsRouterOptions,
): Promise<express.Router> {
  const { store, httpAuth } = options;
  const now = options.now ?? (() => new Date());
  const router = Router();

  const authenticate = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/metrics/summary', async (req, res) => {
    await authenticate(req);
    const query = parseQuery(summaryQuerySchema, req.query);
    const [events, reuse] = await Promise.all([
      store.listCycleEvents(eventFilter(query)),
      store.listReuseSnapshots(dayFilter(query)),
    ]);
    res.json({ ...echo(query), ...buildSummary(events, reuse) });
  });

  router.get('/metrics/timeseries', async (req, res) => {
    await authenticate(req);
    const query = parseQuery(timeseriesQuerySchema, req.query);
    const events = await store.listCycleEvents({
      ...eventFilter(query),
      cycle: query.cycle,
    });
    res.json({
      cycle: query.cycle,
      period: query.period,
      ...echo(query),
      ...buildCycleTimeseries(query.cycle, events, query.period),
    });
  });

  router.get('/metrics/reuse/timeseries', async (req, res) => {
    await authenticate(req);
    const query = parseQuery(reuseTimeseriesQuerySchema, req.query);
    const rows = await store.listReuseSnapshots(dayFilter(query));
    res.json({
      period: query.period,
      ...echo(query),
      ...buildReuseTimeseries(rows, query.period),
    });
  });

  router.get('/metrics/export', async (req, res) => {
    await authenticate(req);
    const query = parseQuery(exportQuerySchema, req.query);
    const events = await store.listCycleEvents({
      ...eventFilter(query),
      cycle: query.cycle,
    });
    const rows = events.map(toExportRow);
    const name = `mesh-metrics-${now().toISOString().slice(0, 10)}`;
    if (query.format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${name}.csv`)
        .send(toCsv(EXPORT_COLUMNS, rows));
    } else {
      res.attachment(`${name}.json`).json({ items: rows });
    }
  });

  return router;
}
