import type { CycleEvent, ReuseSnapshotRow } from '../types';

/*
 * A small mesh history with answers worked out by hand (in the tests that use it):
 * Premium Offices, domains Asset and Brokerage. Lead times are whole hours, all in
 * November 2026 unless said otherwise.
 */

export const ASSET = 'domain:default/asset';
export const BROKERAGE = 'domain:default/brokerage';
const TENANCY = 'dataproduct:default/tenancy-analytics';
const RATINGS = 'dataproduct:default/entity-ratings';
const OFFICES = 'dataproduct:default/office-portfolio';

const HOUR = 3_600_000;

function lasting(
  end: string,
  hours: number,
): { startedAt: string; endedAt: string } {
  const endMs = Date.parse(end);
  return {
    startedAt: new Date(endMs - hours * HOUR).toISOString(),
    endedAt: new Date(endMs).toISOString(),
  };
}

export const seededEvents: CycleEvent[] = [
  // Cycle 1: Brokerage [2, 6] h, Asset [30] h; mesh [2, 6, 30].
  {
    cycle: 1,
    eventKey: TENANCY,
    productRef: TENANCY,
    domain: BROKERAGE,
    ...lasting('2026-11-02T10:00:00Z', 2),
    sourceRef: 'task-1',
  },
  {
    cycle: 1,
    eventKey: RATINGS,
    productRef: RATINGS,
    domain: BROKERAGE,
    ...lasting('2026-11-03T10:00:00Z', 6),
    sourceRef: 'task-2',
  },
  {
    cycle: 1,
    eventKey: OFFICES,
    productRef: OFFICES,
    domain: ASSET,
    ...lasting('2026-11-10T10:00:00Z', 30),
    sourceRef: 'task-3',
  },
  // Cycle 2: one update of Tenancy analytics, 5 h.
  {
    cycle: 2,
    eventKey: `${TENANCY}@1.1.0`,
    productRef: TENANCY,
    domain: BROKERAGE,
    version: '1.1.0',
    ...lasting('2026-11-12T10:00:00Z', 5),
    sourceRef: 'task-4',
  },
  // Cycle 3, Brokerage: 4 h (1 decision + 3 delivery), 10 h (2 + 8), 30 h (24 + 6);
  // Asset: 12 h (10 + 2). Mesh: [4, 10, 12, 30].
  {
    cycle: 3,
    eventKey: 'request-1',
    productRef: TENANCY,
    domain: BROKERAGE,
    ...lasting('2026-11-04T12:00:00Z', 4),
    decidedAt: '2026-11-04T09:00:00.000Z',
  },
  {
    cycle: 3,
    eventKey: 'request-2',
    productRef: RATINGS,
    domain: BROKERAGE,
    ...lasting('2026-11-11T12:00:00Z', 10),
    decidedAt: '2026-11-11T04:00:00.000Z',
  },
  {
    cycle: 3,
    eventKey: 'request-3',
    productRef: TENANCY,
    domain: BROKERAGE,
    ...lasting('2026-11-20T12:00:00Z', 30),
    decidedAt: '2026-11-20T06:00:00.000Z',
  },
  {
    cycle: 3,
    eventKey: 'request-4',
    productRef: OFFICES,
    domain: ASSET,
    ...lasting('2026-11-13T12:00:00Z', 12),
    decidedAt: '2026-11-13T10:00:00.000Z',
  },
  // Cycle 3 in October, outside a November window: 100 h.
  {
    cycle: 3,
    eventKey: 'request-0',
    productRef: TENANCY,
    domain: BROKERAGE,
    ...lasting('2026-10-20T12:00:00Z', 100),
    decidedAt: '2026-10-17T12:00:00.000Z',
  },
];

/**
 * Two snapshots; the last (2026-11-20) has Tenancy 3 consumers, Ratings 0, Offices 1,
 * and Leases (Asset) 0.
 */
export const seededReuse: ReuseSnapshotRow[] = [
  { day: '2026-11-01', productRef: TENANCY, domain: BROKERAGE, consumers: 1 },
  { day: '2026-11-01', productRef: RATINGS, domain: BROKERAGE, consumers: 0 },
  { day: '2026-11-20', productRef: TENANCY, domain: BROKERAGE, consumers: 3 },
  { day: '2026-11-20', productRef: RATINGS, domain: BROKERAGE, consumers: 0 },
  { day: '2026-11-20', productRef: OFFICES, domain: ASSET, consumers: 1 },
  {
    day: '2026-11-20',
    productRef: 'dataproduct:default/leases',
    domain: ASSET,
    consumers: 0,
  },
];
