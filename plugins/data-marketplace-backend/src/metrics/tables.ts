import type { Cycle, CycleEvent, ReuseSnapshotRow } from './types';

/**
 * Rows of the tables migrations/20261121110000_metrics.js creates. PostgreSQL returns
 * timestamps as Date, SQLite as epoch milliseconds.
 */
export type DbTimestamp = Date | number | string;

export const CYCLE_EVENTS = 'metrics_cycle_events';
export const VERSION_SIGHTINGS = 'metrics_version_sightings';
export const REUSE_SNAPSHOTS = 'metrics_reuse_snapshots';

export interface CycleEventRow {
  cycle: number;
  event_key: string;
  product_ref: string;
  domain: string | null;
  version: string | null;
  started_at: DbTimestamp;
  decided_at: DbTimestamp | null;
  ended_at: DbTimestamp;
  source_ref: string | null;
  recorded_at: DbTimestamp;
}

export interface VersionSightingRow {
  product_ref: string;
  version: string;
  first_seen_at: DbTimestamp;
}

export interface ReuseSnapshotDbRow {
  day: string;
  product_ref: string;
  domain: string | null;
  consumers: number;
}

export function toIso(value: DbTimestamp): string {
  if (value instanceof Date) {
    return value.toISOString();
  }
  // Epoch milliseconds may come back as text from some drivers.
  const numeric = typeof value === 'string' && /^\d+$/.test(value);
  return new Date(numeric ? Number(value) : value).toISOString();
}

export function toCycleEventRow(event: CycleEvent, now: Date): CycleEventRow {
  return {
    cycle: event.cycle,
    event_key: event.eventKey,
    product_ref: event.productRef,
    domain: event.domain ?? null,
    version: event.version ?? null,
    started_at: new Date(event.startedAt),
    decided_at: event.decidedAt ? new Date(event.decidedAt) : null,
    ended_at: new Date(event.endedAt),
    source_ref: event.sourceRef ?? null,
    recorded_at: now,
  };
}

/** Only what is known: no member is present and undefined. */
export function toCycleEvent(row: CycleEventRow): CycleEvent {
  return {
    cycle: Number(row.cycle) as Cycle,
    eventKey: row.event_key,
    productRef: row.product_ref,
    ...(row.domain !== null && { domain: row.domain }),
    ...(row.version !== null && { version: row.version }),
    startedAt: toIso(row.started_at),
    ...(row.decided_at !== null && { decidedAt: toIso(row.decided_at) }),
    endedAt: toIso(row.ended_at),
    ...(row.source_ref !== null && { sourceRef: row.source_ref }),
  };
}

export function toReuseSnapshotRow(row: ReuseSnapshotDbRow): ReuseSnapshotRow {
  return {
    day: row.day,
    productRef: row.product_ref,
    ...(row.domain !== null && { domain: row.domain }),
    consumers: Number(row.consumers),
  };
}

/** Splits rows into batches that stay well under SQLite's limit on bound parameters. */
export function chunked<T>(items: readonly T[], size = 100): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}
