import { isAfterToday, todayIsoDate, tomorrowIsoDate } from './dates';

describe('dates', () => {
  const now = new Date('2026-05-31T23:30:00.000Z');

  it('counts days in UTC, like the backend', () => {
    expect(todayIsoDate(now)).toBe('2026-05-31');
    expect(tomorrowIsoDate(now)).toBe('2026-06-01');
  });

  it('accepts only days after today', () => {
    expect(isAfterToday('2026-05-30', now)).toBe(false);
    expect(isAfterToday('2026-05-31', now)).toBe(false);
    expect(isAfterToday('2026-06-01', now)).toBe(true);
  });
});
