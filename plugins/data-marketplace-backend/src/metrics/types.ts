/**
 * The three lead times the mesh measures (PRODUCT.md, "Lean cycle times"):
 * 1 creating a product, 2 updating a product, 3 consuming a product.
 */
export const CYCLES = [1, 2, 3] as const;
export type Cycle = (typeof CYCLES)[number];

export const CYCLE_NAMES: Record<Cycle, string> = {
  1: 'creating a product',
  2: 'updating a product',
  3: 'consuming a product',
};

/**
 * One measured lead time. Times are ISO strings; refs are lower case `kind:namespace/name`.
 */
export interface CycleEvent {
  cycle: Cycle;
  /**
   * What was measured, unique within its cycle, so collecting twice records it once: the
   * product ref (cycle 1), `<product ref>@<version>` (cycle 2), the access request id (3).
   */
  eventKey: string;
  productRef: string;
  /** The product's domain when the event was recorded; undefined when unknown. */
  domain?: string;
  /** The new version (cycle 2). */
  version?: string;
  startedAt: string;
  /** Cycle 3: when the owners approved; splits waiting for decision from delivery. */
  decidedAt?: string;
  endedAt: string;
  /** The scaffolder task the start came from (cycles 1 and 2). */
  sourceRef?: string;
}

/** A version of a product (spec.version) and when the collector first saw it. */
export interface VersionSighting {
  productRef: string;
  version: string;
  firstSeenAt: string;
}

/** How many distinct consumers a product had on a UTC day. */
export interface ReuseSnapshotRow {
  /** YYYY-MM-DD, UTC. */
  day: string;
  productRef: string;
  domain?: string;
  consumers: number;
}

export type Period = 'week' | 'month';
