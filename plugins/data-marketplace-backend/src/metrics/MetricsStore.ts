import type {
  Cycle,
  CycleEvent,
  ReuseSnapshotRow,
  VersionSighting,
} from './types';

/** Which cycle events to read: `from` and `to` bound the time each cycle ended. */
export interface CycleEventFilter {
  cycle?: Cycle;
  /** Lower case domain ref. */
  domain?: string;
  /** Inclusive. */
  endedFrom?: Date;
  /** Exclusive. */
  endedBefore?: Date;
}

export interface ReuseSnapshotFilter {
  domain?: string;
  /** Inclusive, YYYY-MM-DD. */
  fromDay?: string;
  /** Inclusive, YYYY-MM-DD. */
  toDay?: string;
}

/**
 * Where the mesh metrics live: the plugin's database, shared by every replica. Writes are
 * keyed by what they describe, so collecting the same facts twice changes nothing.
 */
export interface MetricsStore {
  /**
   * Records the events whose (cycle, key) is not recorded yet and leaves the others as
   * they are: a measured lead time is a fact of the past. Returns how many were new.
   */
  addCycleEvents(events: CycleEvent[]): Promise<number>;
  /** Oldest end first. */
  listCycleEvents(filter?: CycleEventFilter): Promise<CycleEvent[]>;
  /** Notes the versions seen now; a version seen before keeps its first sighting. */
  recordVersionSightings(
    sightings: Array<{ productRef: string; version: string }>,
    seenAt: Date,
  ): Promise<void>;
  listVersionSightings(): Promise<VersionSighting[]>;
  /** Replaces the day's snapshot with these rows (the latest collection of the day wins). */
  saveReuseSnapshot(
    day: string,
    rows: Array<Omit<ReuseSnapshotRow, 'day'>>,
  ): Promise<void>;
  /** Oldest day first. */
  listReuseSnapshots(filter?: ReuseSnapshotFilter): Promise<ReuseSnapshotRow[]>;
}
