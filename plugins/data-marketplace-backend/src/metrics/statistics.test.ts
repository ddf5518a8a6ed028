import { periodOf } from './periods';
import {
  cycleStats,
  cycleTimeseries,
  distribution,
  groupByDomain,
  median,
  nearestRankPercentile,
  p90,
  reuseStats,
  reuseTimeseries,
} from './statistics';
import type { CycleEvent } from './types';

let keys = 0;

/** An event of `hours` that ended at `end`; cycle 3 ones decided `decision` hours in. */
function event(
  cycle: 1 | 2 | 3,
  hours: number,
  end: string,
  extra: Partial<CycleEvent> & { decision?: number } = {},
): CycleEvent {
  const endMs = Date.parse(end);
  const { decision, ...rest } = extra;
  return {
    cycle,
    eventKey: `event-${++keys}`,
    productRef: 'dataproduct:default/p',
    startedAt: new Date(endMs - hours * 3_600_000).toISOString(),
    endedAt: new Date(endMs).toISOString(),
    ...(decision !== undefined && {
      decidedAt: new Date(endMs - (hours - decision) * 3_600_000).toISOString(),
    }),
    ...rest,
  };
}

describe('median and p90 (nearest rank)', () => {
  it('gives nothing for no value', () => {
    expect(median([])).toBeUndefined();
    expect(p90([])).toBeUndefined();
    expect(distribution([])).toEqual({ count: 0, median: null, p90: null });
  });

  it('gives the value itself for one value', () => {
    // [7]: middle of 1 is 7; rank ceil(0.9 × 1) = 1 -> 7.
    expect(median([7])).toBe(7);
    expect(p90([7])).toBe(7);
  });

  it('takes the middle of an odd set, whatever its order', () => {
    // sorted [1, 2, 4, 8, 16]: median is the 3rd, 4;
    // p90 rank ceil(0.9 × 5) = ceil(4.5) = 5 -> 16.
    const values = [16, 1, 8, 2, 4];
    expect(median(values)).toBe(4);
    expect(p90(values)).toBe(16);
    expect(values).toEqual([16, 1, 8, 2, 4]);
  });

  it('averages the two middle values of an even set', () => {
    // sorted [3, 5, 10, 40]: median (5 + 10) / 2 = 7.5;
    // p90 rank ceil(0.9 × 4) = ceil(3.6) = 4 -> 40.
    expect(median([40, 3, 10, 5])).toBe(7.5);
    expect(p90([40, 3, 10, 5])).toBe(40);
  });

  it('takes the value at rank ceil(0.9 N), an observed value', () => {
    const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // N = 10: rank ceil(9) = 9 -> 9 (no interpolation towards 10).
    expect(p90(oneToTen)).toBe(9);
    // N = 11: rank ceil(9.9) = 10 -> 10.
    expect(p90([...oneToTen, 11])).toBe(10);
    // N = 20 (1..20): rank 18 -> 18; 0.9 × 20 computed in floating point would be exact
    // here, and the integer rank keeps it so for every N.
    expect(p90(Array.from({ length: 20 }, (_, i) => i + 1))).toBe(18);
    // N = 2: rank ceil(1.8) = 2 -> the larger one.
    expect(p90([2, 1])).toBe(2);
    // p50 by nearest rank is a value of the set, unlike the median: [1, 2, 3, 4] -> rank 2.
    expect(nearestRankPercentile([1, 2, 3, 4], 50)).toBe(2);
  });

  it('rounds durations to the hundredth of an hour in a distribution', () => {
    // median (1/3 + 2/3) / 2 = 0.5; p90 rank 2 -> 0.666... -> 0.67.
    expect(distribution([1 / 3, 2 / 3])).toEqual({
      count: 2,
      median: 0.5,
      p90: 0.67,
    });
  });
});

describe('cycle statistics', () => {
  it('gives the lead time in hours, and for cycle 3 its split at the decision', () => {
    const events = [
      // 10 h: 2 h waiting for the decision, 8 h for delivery.
      event(3, 10, '2026-11-02T12:00:00Z', { decision: 2 }),
      // 4 h: 1 h + 3 h.
      event(3, 4, '2026-11-03T12:00:00Z', { decision: 1 }),
      // 30 h: 24 h + 6 h.
      event(3, 30, '2026-11-04T12:00:00Z', { decision: 24 }),
    ];
    // hours [4, 10, 30]: median 10, p90 rank ceil(2.7) = 3 -> 30.
    // decision [1, 2, 24]: median 2, p90 24. delivery [3, 6, 8]: median 6, p90 8.
    expect(cycleStats(3, events)).toEqual({
      hours: { count: 3, median: 10, p90: 30 },
      decisionHours: { count: 3, median: 2, p90: 24 },
      deliveryHours: { count: 3, median: 6, p90: 8 },
    });
  });

  it('splits only the events that know their decision', () => {
    const events = [
      event(3, 10, '2026-11-02T12:00:00Z', { decision: 4 }),
      event(3, 6, '2026-11-02T13:00:00Z'),
    ];
    // hours [6, 10]: median 8, p90 10; decision [4]; delivery [6].
    expect(cycleStats(3, events)).toEqual({
      hours: { count: 2, median: 8, p90: 10 },
      decisionHours: { count: 1, median: 4, p90: 4 },
      deliveryHours: { count: 1, median: 6, p90: 6 },
    });
  });

  it('splits cycle 3 even without events, so every point has the same shape', () => {
    expect(cycleStats(3, [])).toEqual({
      hours: { count: 0, median: null, p90: null },
      decisionHours: { count: 0, median: null, p90: null },
      deliveryHours: { count: 0, median: null, p90: null },
    });
  });

  it('has no split for the other cycles', () => {
    expect(cycleStats(1, [event(1, 48, '2026-11-02T00:00:00Z')])).toEqual({
      hours: { count: 1, median: 48, p90: 48 },
    });
  });

  it('groups by domain in name order, the unknown domain last', () => {
    const groups = groupByDomain([
      { domain: 'domain:default/capital-markets', n: 1 },
      { n: 2 },
      { domain: 'domain:default/asset', n: 3 },
      { domain: 'domain:default/capital-markets', n: 4 },
    ]);
    expect(groups).toEqual([
      {
        domain: 'domain:default/asset',
        items: [{ domain: 'domain:default/asset', n: 3 }],
      },
      {
        domain: 'domain:default/capital-markets',
        items: [
          { domain: 'domain:default/capital-markets', n: 1 },
          { domain: 'domain:default/capital-markets', n: 4 },
        ],
      },
      { domain: null, items: [{ n: 2 }] },
    ]);
  });
});

describe('periods', () => {
  it.each([
    // Thursday 2026-01-01 is in week 1 of 2026, which starts Monday 2025-12-29.
    ['2026-01-01T10:00:00Z', '2026-W01', '2025-12-29'],
    // Sunday 2026-11-22 closes week 47, begun Monday 2026-11-16.
    ['2026-11-22T23:59:59Z', '2026-W47', '2026-11-16'],
    ['2026-11-23T00:00:00Z', '2026-W48', '2026-11-23'],
    // Friday 2027-01-01 belongs to the last week of 2026 (its Thursday is 2026-12-31).
    ['2027-01-01T00:00:00Z', '2026-W53', '2026-12-28'],
    // 2024-12-30, a Monday, starts week 1 of 2025.
    ['2024-12-30T08:00:00Z', '2025-W01', '2024-12-30'],
  ])('puts %s in ISO week %s starting %s', (instant, key, start) => {
    expect(periodOf(instant, 'week')).toEqual({ key, start });
  });

  it('puts an instant in its UTC month', () => {
    expect(periodOf('2026-11-30T23:30:00-02:00', 'month')).toEqual({
      key: '2026-12',
      start: '2026-12-01',
    });
  });

  it('gives a series over every week, empty weeks included, by the end of each cycle', () => {
    const events = [
      event(1, 10, '2026-11-03T12:00:00Z'), // week 45
      event(1, 20, '2026-11-05T12:00:00Z'), // week 45
      event(1, 40, '2026-11-04T12:00:00Z'), // week 45
      event(1, 5, '2026-11-18T12:00:00Z'), // week 47
    ];
    // Week 45: [10, 20, 40] -> median 20, p90 rank 3 -> 40. Week 46: nothing.
    expect(cycleTimeseries(1, events, 'week')).toEqual([
      {
        period: '2026-W45',
        start: '2026-11-02',
        stats: { hours: { count: 3, median: 20, p90: 40 } },
      },
      {
        period: '2026-W46',
        start: '2026-11-09',
        stats: { hours: { count: 0, median: null, p90: null } },
      },
      {
        period: '2026-W47',
        start: '2026-11-16',
        stats: { hours: { count: 1, median: 5, p90: 5 } },
      },
    ]);
    expect(cycleTimeseries(1, events, 'month').map(p => p.period)).toEqual([
      '2026-11',
    ]);
    expect(cycleTimeseries(1, [], 'month')).toEqual([]);
  });
});

describe('reuse', () => {
  it('counts consumers per product and the share of products nobody consumes', () => {
    // consumers [0, 0, 1, 3, 6]: 2 of 5 without a consumer = 0.4; mean 10 / 5 = 2;
    // median 1; p90 rank ceil(4.5) = 5 -> 6.
    expect(
      reuseStats([0, 3, 0, 6, 1].map(consumers => ({ consumers }))),
    ).toEqual({
      products: 5,
      productsWithoutConsumer: 2,
      shareWithoutConsumer: 0.4,
      consumersPerProduct: { mean: 2, median: 1, p90: 6 },
    });
  });

  it('has no share and no averages without products', () => {
    expect(reuseStats([])).toEqual({
      products: 0,
      productsWithoutConsumer: 0,
      shareWithoutConsumer: null,
      consumersPerProduct: { mean: null, median: null, p90: null },
    });
  });

  it('describes each month by its last snapshot', () => {
    const rows = [
      { day: '2026-10-30', productRef: 'a', consumers: 0 },
      { day: '2026-10-31', productRef: 'a', consumers: 1 },
      { day: '2026-10-31', productRef: 'b', consumers: 0 },
      { day: '2026-10-31', productRef: 'c', consumers: 0 },
      { day: '2026-11-15', productRef: 'a', consumers: 2 },
      { day: '2026-11-15', productRef: 'b', consumers: 4 },
    ];
    // October, as of the 31st: [0, 0, 1] -> 2 of 3 without (0.6667), mean 1/3 = 0.33,
    // median 0, p90 rank ceil(2.7) = 3 -> 1. November: [2, 4] -> mean 3, median 3, p90 4.
    expect(reuseTimeseries(rows, 'month')).toEqual([
      {
        period: '2026-10',
        start: '2026-10-01',
        stats: {
          day: '2026-10-31',
          products: 3,
          productsWithoutConsumer: 2,
          shareWithoutConsumer: 0.6667,
          consumersPerProduct: { mean: 0.33, median: 0, p90: 1 },
        },
      },
      {
        period: '2026-11',
        start: '2026-11-01',
        stats: {
          day: '2026-11-15',
          products: 2,
          productsWithoutConsumer: 0,
          shareWithoutConsumer: 0,
          consumersPerProduct: { mean: 3, median: 3, p90: 4 },
        },
      },
    ]);
  });
});
