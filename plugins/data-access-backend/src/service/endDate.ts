import { InputError } from '@backstage/errors';

/**
 * Time-bound access ends on a real calendar day after today (UTC): an end date in the past
 * would be granted and expire at once.
 */
export function assertEndDateAhead(endDate: string, now: Date): void {
  const day = new Date(`${endDate}T00:00:00Z`);
  if (
    Number.isNaN(day.getTime()) ||
    day.toISOString().slice(0, 10) !== endDate
  ) {
    throw new InputError(`endDate: ${endDate} is not a calendar date`);
  }
  const today = now.toISOString().slice(0, 10);
  if (endDate <= today) {
    throw new InputError(`endDate: expected a day after today (${today})`);
  }
}
