import { periodOf, periodsBetween } from './periods';
import type { Cycle, CycleEvent, Period, ReuseSnapshotRow } from './types';

/*
 * Pure computations of the mesh metrics: no I/O, so the numbers can be checked by hand.
 *
 * Median: sort the values; the middle one, or for an even count the mean of the two middle
 * ones (median of 1, 2, 3, 4 is 2.5).
 *
 * p90, nearest-rank method: sort the N values ascending; p90 is the value at 1-based rank
 * ceil(90 × N / 100). It is always one of the observed values, and at least 90% of the
 * values are at or below it (p90 of 1..10 is 9, of 1..11 is 10, of a single value is that
 * value). The rank is computed in integers, so 0.9 × N never suffers from rounding.
 *
 * Both are undefined (null in the API) when there is no value.
 */

const HOUR_MS = 3_600_000;

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) {
    return undefined;
  }
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 === 1
    ? ordered[middle]
    : (ordered[middle - 1] + ordered[middle]) / 2;
}

/** The nearest-rank percentile; `percent` is an integer from 1 to 100. */
export function nearestRankPercentile(
  values: readonly number[],
  percent: number,
): number | undefined {
  if (values.length === 0) {
    return undefined;
  }
  const rank = Math.ceil((percent * values.length) / 100);
  return sorted(values)[Math.max(rank, 1) - 1];
}

export function p90(values: readonly number[]): number | undefined {
  return nearestRankPercentile(values, 90);
}

/** Median and p90 of a set of durations in hours, rounded to the hundredth. */
export interface Distribution {
  count: number;
  median: number | null;
  p90: number | null;
}

function rounded(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value * 100) / 100;
}

export function distribution(values: readonly number[]): Distribution {
  return {
    count: values.length,
    median: rounded(median(values)),
    p90: rounded(p90(values)),
  };
}

export function hoursBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / HOUR_MS;
}

/**
 * The lead time of a set of events of one cycle. Cycle 3's is also split in two: waiting for
 * the owners' decision (request to approval) and waiting for delivery (approval to grant),
 * over the events that know their decision time.
 */
export interface CycleStats {
  hours: Distribution;
  decisionHours?: Distribution;
  deliveryHours?: Distribution;
}

export function cycleStats(
  cycle: Cycle,
  events: readonly CycleEvent[],
): CycleStats {
  const stats: CycleStats = {
    hours: distribution(events.map(e => hoursBetween(e.startedAt, e.endedAt))),
  };
  if (cycle === 3) {
    const decided = events.filter(e => e.decidedAt);
    stats.decisionHours = distribution(
      decided.map(e => hoursBetween(e.startedAt, e.decidedAt!)),
    );
    stats.deliveryHours = distribution(
      decided.map(e => hoursBetween(e.decidedAt!, e.endedAt)),
    );
  }
  return stats;
}

/**
 * Items grouped by domain, domains in alphabetical order and the unknown domain (null)
 * last, so every answer lists them the same way.
 */
export function groupByDomain<T extends { domain?: string }>(
  items: readonly T[],
): Array<{ domain: string | null; items: T[] }> {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const domain = item.domain ?? null;
    const group = groups.get(domain) ?? [];
    group.push(item);
    groups.set(domain, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => {
      if (a === b) return 0;
      if (a === null) return 1;
      if (b === null) return -1;
      return a < b ? -1 : 1;
    })
    .map(([domain, grouped]) => ({ domain, items: grouped }));
}

/** One point of a time series: a calendar period and what happened in it. */
export interface PeriodPoint<S> {
  period: string;
  /** First day of the period, YYYY-MM-DD. */
  start: string;
  stats: S;
}

/** The instants a series spans: its first and last item's times. */
export function spanOf<T>(
  items: readonly T[],
  timeOf: (item: T) => string,
): { first: string; last: string } | undefined {
  if (items.length === 0) {
    return undefined;
  }
  const times = items.map(timeOf).sort();
  return { first: times[0], last: times[times.length - 1] };
}

/**
 * Items by the ISO week or month of their time, oldest first: every period of `span`
 * (by default the items' own), empty ones too (with `summarize([])`), so that series of
 * several domains line up period by period.
 */
export function byPeriod<T, S>(
  items: readonly T[],
  timeOf: (item: T) => string,
  period: Period,
  summarize: (inPeriod: T[]) => S,
  span = spanOf(items, timeOf),
): Array<PeriodPoint<S>> {
  if (!span) {
    return [];
  }
  const buckets = new Map<string, T[]>();
  for (const item of items) {
    const { key } = periodOf(timeOf(item), period);
    const bucket = buckets.get(key) ?? [];
    bucket.push(item);
    buckets.set(key, bucket);
  }
  return periodsBetween(
    periodOf(span.first, period),
    periodOf(span.last, period),
    period,
  ).map(({ key, start }) => ({
    period: key,
    start,
    stats: summarize(buckets.get(key) ?? []),
  }));
}

/** When a cycle event counts in a period: when the cycle ended (the lead time was delivered). */
export const cycleEndOf = (event: CycleEvent) => event.endedAt;

/** A cycle's events by the period in which each ended. */
export function cycleTimeseries(
  cycle: Cycle,
  events: readonly CycleEvent[],
  period: Period,
  span = spanOf(events, cycleEndOf),
): Array<PeriodPoint<CycleStats>> {
  return byPeriod(
    events,
    cycleEndOf,
    period,
    inPeriod => cycleStats(cycle, inPeriod),
    span,
  );
}

/**
 * Reuse, the main value signal of a mesh: how many distinct consumers (granted access
 * requests) each product has, and the share of products nobody consumes.
 */
export interface ReuseStats {
  products: number;
  productsWithoutConsumer: number;
  /** From 0 to 1; null without products. */
  shareWithoutConsumer: number | null;
  consumersPerProduct: {
    mean: number | null;
    median: number | null;
    p90: number | null;
  };
}

export function reuseStats(
  rows: ReadonlyArray<Pick<ReuseSnapshotRow, 'consumers'>>,
): ReuseStats {
  const counts = rows.map(row => row.consumers);
  const without = counts.filter(count => count === 0).length;
  const total = counts.reduce((sum, count) => sum + count, 0);
  return {
    products: counts.length,
    productsWithoutConsumer: without,
    shareWithoutConsumer: rounded4(
      counts.length ? without / counts.length : undefined,
    ),
    consumersPerProduct: {
      mean: rounded(counts.length ? total / counts.length : undefined),
      median: rounded(median(counts)),
      p90: rounded(p90(counts)),
    },
  };
}

function rounded4(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value * 10_000) / 10_000;
}

/** The rows of the latest day among the snapshots: the mesh as it last was. */
export function latestSnapshot<T extends Pick<ReuseSnapshotRow, 'day'>>(
  rows: readonly T[],
): T[] {
  const latest = rows.reduce<string | undefined>(
    (max, row) => (max === undefined || row.day > max ? row.day : max),
    undefined,
  );
  return rows.filter(row => row.day === latest);
}

/** When a reuse snapshot counts in a period: its day. */
export const snapshotDayOf = (row: ReuseSnapshotRow) =>
  `${row.day}T00:00:00.000Z`;

/** Reuse per period: each period as its last snapshotted day saw the mesh. */
export function reuseTimeseries(
  rows: readonly ReuseSnapshotRow[],
  period: Period,
  span = spanOf(rows, snapshotDayOf),
): Array<PeriodPoint<ReuseStats & { day: string | null }>> {
  return byPeriod(
    rows,
    snapshotDayOf,
    period,
    inPeriod => {
      const last = latestSnapshot(inPeriod);
      return { day: last[0]?.day ?? null, ...reuseStats(last) };
    },
    span,
  );
}
