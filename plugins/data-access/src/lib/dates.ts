/**
 * Dates as the API writes them: ISO calendar days (`2027-03-31`), compared in UTC like the
 * backend does, so the form never accepts a day the server will refuse.
 */
export function todayIsoDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function tomorrowIsoDate(now: Date = new Date()): string {
  const tomorrow = new Date(now.getTime() + 24 * 60 * 60 * 1000);
  return tomorrow.toISOString().slice(0, 10);
}

export function isAfterToday(day: string, now: Date = new Date()): boolean {
  return day > todayIsoDate(now);
}

/** A timestamp for people: date and time in their locale. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** A day for people, from a timestamp or an ISO day. */
export function formatDay(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, { timeZone: 'UTC' });
}
