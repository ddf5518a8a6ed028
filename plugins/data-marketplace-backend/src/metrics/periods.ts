import type { Period } from './types';

const DAY_MS = 86_400_000;

/** A calendar period (UTC): its key, e.g. `2026-W47` or `2026-11`, and its first day. */
export interface PeriodKey {
  key: string;
  /** First day of the period, YYYY-MM-DD. */
  start: string;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The ISO 8601 period an instant falls in, in UTC. Weeks run Monday to Sunday and belong to
 * the year of their Thursday, so 2027-01-01 (a Friday) is in week 2026-W53.
 */
export function periodOf(instant: Date | string, period: Period): PeriodKey {
  const date = new Date(instant);
  const midnight = Date.UTC(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
  );
  if (period === 'month') {
    const key = isoDay(midnight).slice(0, 7);
    return { key, start: `${key}-01` };
  }
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  const monday = midnight - sinceMonday * DAY_MS;
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.round(
    (thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS,
  );
  const week = Math.floor(dayOfYear / 7) + 1;
  return {
    key: `${year}-W${String(week).padStart(2, '0')}`,
    start: isoDay(monday),
  };
}

/** The period after the one starting on `start`. */
function nextPeriod(start: string, period: Period): PeriodKey {
  const date = new Date(`${start}T00:00:00Z`);
  if (period === 'month') {
    date.setUTCMonth(date.getUTCMonth() + 1);
  } else {
    date.setUTCDate(date.getUTCDate() + 7);
  }
  return periodOf(date, period);
}

/** Every period from the first to the last, gaps included, so a chart shows empty weeks. */
export function periodsBetween(
  first: PeriodKey,
  last: PeriodKey,
  period: Period,
): PeriodKey[] {
  const periods: PeriodKey[] = [];
  for (
    let current = first;
    current.start <= last.start;
    current = nextPeriod(current.start, period)
  ) {
    periods.push(current);
  }
  return periods;
}
