import type {
  Cycle,
  CycleStats,
  CycleTimeseries,
  Distribution,
  MetricsPeriod,
  MetricsSummary,
  ReuseStats,
  ReuseTimeseries,
} from '../api';

// Metrics answers of the backend for the Premium Offices demo mesh, shaped exactly as its
// routes answer (see api/types.ts). Lead times are in hours, as the backend gives them.

const ASSET = 'domain:default/asset';
const BROKERAGE = 'domain:default/brokerage';

const hours = (
  count: number,
  median: number | null,
  p90: number | null,
): Distribution => ({ count, median, p90 });

const reuse = (
  products: number,
  without: number,
  mean: number | null,
  median: number | null,
  p90: number | null,
): ReuseStats => ({
  products,
  productsWithoutConsumer: without,
  shareWithoutConsumer: products
    ? Math.round((without / products) * 1e4) / 1e4
    : null,
  consumersPerProduct: { mean, median, p90 },
});

const cycle3 = (
  all: Distribution,
  decision: Distribution,
  delivery: Distribution,
): CycleStats => ({
  hours: all,
  decisionHours: decision,
  deliveryHours: delivery,
});

/** The whole mesh (the backend README's example), or Brokerage alone. */
export function metricsSummary(domain?: string): MetricsSummary {
  const echo = { from: null, to: null, domain: domain ?? null };
  if (domain === BROKERAGE) {
    return {
      ...echo,
      reuse: {
        day: '2026-11-20',
        overall: reuse(2, 0, 1.5, 1.5, 2),
        byDomain: [{ domain: BROKERAGE, ...reuse(2, 0, 1.5, 1.5, 2) }],
      },
      cycles: [
        {
          cycle: 1,
          name: 'creating a product',
          hours: hours(2, 4, 6),
          byDomain: [{ domain: BROKERAGE, hours: hours(2, 4, 6) }],
        },
        {
          cycle: 2,
          name: 'updating a product',
          hours: hours(0, null, null),
          byDomain: [],
        },
        {
          cycle: 3,
          name: 'consuming a product',
          ...cycle3(hours(2, 8, 9), hours(2, 5, 6), hours(2, 3, 3)),
          byDomain: [
            {
              domain: BROKERAGE,
              ...cycle3(hours(2, 8, 9), hours(2, 5, 6), hours(2, 3, 3)),
            },
          ],
        },
      ],
    };
  }
  return {
    ...echo,
    reuse: {
      day: '2026-11-20',
      overall: reuse(4, 2, 1, 0.5, 3),
      byDomain: [
        { domain: ASSET, ...reuse(2, 2, 0, 0, 0) },
        { domain: BROKERAGE, ...reuse(2, 0, 2, 2, 3) },
      ],
    },
    cycles: [
      {
        cycle: 1,
        name: 'creating a product',
        hours: hours(3, 6, 30),
        byDomain: [
          { domain: ASSET, hours: hours(1, 30, 30) },
          { domain: BROKERAGE, hours: hours(2, 4, 6) },
        ],
      },
      {
        cycle: 2,
        name: 'updating a product',
        hours: hours(1, 0.5, 0.5),
        byDomain: [{ domain: ASSET, hours: hours(1, 0.5, 0.5) }],
      },
      {
        cycle: 3,
        name: 'consuming a product',
        ...cycle3(hours(4, 11, 72), hours(4, 6, 24), hours(4, 4.5, 8)),
        byDomain: [
          {
            domain: ASSET,
            ...cycle3(hours(2, 41.5, 72), hours(2, 18, 24), hours(2, 6, 8)),
          },
          {
            domain: BROKERAGE,
            ...cycle3(hours(2, 8, 9), hours(2, 5, 6), hours(2, 3, 3)),
          },
        ],
      },
    ],
  };
}

const WEEKS = [
  { period: '2026-W45', start: '2026-11-02' },
  { period: '2026-W46', start: '2026-11-09' },
  { period: '2026-W47', start: '2026-11-16' },
];
const MONTHS = [
  { period: '2026-10', start: '2026-10-01' },
  { period: '2026-11', start: '2026-11-01' },
];

/** Three weeks or two months of a cycle's lead times; Cycle 3 with its split. */
export function cycleTimeseries(
  cycle: Cycle,
  period: MetricsPeriod = 'week',
  domain?: string,
): CycleTimeseries {
  const periods = period === 'week' ? WEEKS : MONTHS;
  const overall = periods.map((p, index) => {
    const median = (index + 1) * 5 * cycle;
    const stats: CycleStats =
      cycle === 3
        ? cycle3(
            hours(2, median, median * 2),
            hours(2, median * 0.6, median),
            hours(2, median * 0.4, median),
          )
        : {
            hours: hours(
              index === 0 ? 0 : 2,
              index === 0 ? null : median,
              index === 0 ? null : median * 2,
            ),
          };
    return { ...p, ...stats };
  });
  return {
    cycle,
    period,
    from: null,
    to: null,
    domain: domain ?? null,
    overall,
    byDomain: [{ domain: domain ?? BROKERAGE, points: overall }],
  };
}

export function reuseTimeseries(
  period: MetricsPeriod = 'week',
  domain?: string,
): ReuseTimeseries {
  const periods = period === 'week' ? WEEKS : MONTHS;
  const overall = periods.map((p, index) => ({
    ...p,
    day: `2026-11-${String(8 + index * 7).padStart(2, '0')}`,
    ...reuse(4, 3 - index, 0.5 + index * 0.25, index * 0.5, 1 + index),
  }));
  return {
    period,
    from: null,
    to: null,
    domain: domain ?? null,
    overall,
    byDomain: [],
  };
}

/** The CSV the export route sends. */
export const EXPORT_CSV = [
  'cycle,eventKey,productRef,domain,version,startedAt,decidedAt,endedAt,hours,decisionHours,deliveryHours,sourceRef',
  '3,req-1,dataproduct:default/tenancy-analytics,domain:default/brokerage,,2026-11-04T08:00:00.000Z,2026-11-04T09:00:00.000Z,2026-11-04T12:00:00.000Z,4,1,3,',
].join('\n');
