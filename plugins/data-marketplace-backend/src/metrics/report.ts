import {
  cycleEndOf,
  cycleStats,
  cycleTimeseries,
  groupByDomain,
  hoursBetween,
  latestSnapshot,
  reuseStats,
  reuseTimeseries,
  snapshotDayOf,
  spanOf,
  type CycleStats,
  type ReuseStats,
} from './statistics';
import {
  CYCLE_NAMES,
  CYCLES,
  type Cycle,
  type CycleEvent,
  type Period,
  type ReuseSnapshotRow,
} from './types';

/*
 * The shapes the metrics routes answer with, assembled from the store's rows by the pure
 * statistics. Lead times are in hours.
 */

export interface CycleSummary extends CycleStats {
  cycle: Cycle;
  name: string;
}

export interface MetricsSummary {
  reuse: {
    /** The day of the snapshot the numbers describe; null before the first collection. */
    day: string | null;
    overall: ReuseStats;
    byDomain: Array<{ domain: string | null } & ReuseStats>;
  };
  cycles: Array<
    CycleSummary & { byDomain: Array<{ domain: string | null } & CycleStats> }
  >;
}

export function buildSummary(
  events: readonly CycleEvent[],
  reuseRows: readonly ReuseSnapshotRow[],
): MetricsSummary {
  const snapshot = latestSnapshot(reuseRows);
  return {
    reuse: {
      day: snapshot[0]?.day ?? null,
      overall: reuseStats(snapshot),
      byDomain: groupByDomain(snapshot).map(({ domain, items }) => ({
        domain,
        ...reuseStats(items),
      })),
    },
    cycles: CYCLES.map(cycle => {
      const ofCycle = events.filter(event => event.cycle === cycle);
      return {
        cycle,
        name: CYCLE_NAMES[cycle],
        ...cycleStats(cycle, ofCycle),
        byDomain: groupByDomain(ofCycle).map(({ domain, items }) => ({
          domain,
          ...cycleStats(cycle, items),
        })),
      };
    }),
  };
}

type Point<S> = { period: string; start: string } & S;

function flatten<S>(
  points: Array<{ period: string; start: string; stats: S }>,
): Array<Point<S>> {
  return points.map(({ period, start, stats }) => ({
    period,
    start,
    ...stats,
  }));
}

/** A cycle's lead times per period, overall and per domain, on the same periods. */
export function buildCycleTimeseries(
  cycle: Cycle,
  events: readonly CycleEvent[],
  period: Period,
) {
  const span = spanOf(events, cycleEndOf);
  return {
    overall: flatten(cycleTimeseries(cycle, events, period, span)),
    byDomain: groupByDomain(events).map(({ domain, items }) => ({
      domain,
      points: flatten(cycleTimeseries(cycle, items, period, span)),
    })),
  };
}

/** Reuse per period (the last snapshot of each), overall and per domain. */
export function buildReuseTimeseries(
  rows: readonly ReuseSnapshotRow[],
  period: Period,
) {
  const span = spanOf(rows, snapshotDayOf);
  return {
    overall: flatten(reuseTimeseries(rows, period, span)),
    byDomain: groupByDomain(rows).map(({ domain, items }) => ({
      domain,
      points: flatten(reuseTimeseries(items, period, span)),
    })),
  };
}

/** One cycle event as the export gives it, with its lead time computed. */
export interface ExportRow extends Record<string, string | number | null> {
  cycle: number;
  eventKey: string;
  productRef: string;
  domain: string | null;
  version: string | null;
  startedAt: string;
  decidedAt: string | null;
  endedAt: string;
  hours: number;
  decisionHours: number | null;
  deliveryHours: number | null;
  sourceRef: string | null;
}

export const EXPORT_COLUMNS: Array<keyof ExportRow & string> = [
  'cycle',
  'eventKey',
  'productRef',
  'domain',
  'version',
  'startedAt',
  'decidedAt',
  'endedAt',
  'hours',
  'decisionHours',
  'deliveryHours',
  'sourceRef',
];

/** Hours to the 1/10,000th (under half a second): raw enough to recompute anything. */
function exactHours(from: string, to: string): number {
  return Math.round(hoursBetween(from, to) * 10_000) / 10_000;
}

export function toExportRow(event: CycleEvent): ExportRow {
  return {
    cycle: event.cycle,
    eventKey: event.eventKey,
    productRef: event.productRef,
    domain: event.domain ?? null,
    version: event.version ?? null,
    startedAt: event.startedAt,
    decidedAt: event.decidedAt ?? null,
    endedAt: event.endedAt,
    hours: exactHours(event.startedAt, event.endedAt),
    decisionHours: event.decidedAt
      ? exactHours(event.startedAt, event.decidedAt)
      : null,
    deliveryHours: event.decidedAt
      ? exactHours(event.decidedAt, event.endedAt)
      : null,
    sourceRef: event.sourceRef ?? null,
  };
}
