import {
  domainLabel,
  durationUnit,
  formatHours,
  formatNumber,
  formatPercent,
  formatRelativeTime,
  formatShare,
} from './format';

describe('format', () => {
  it.each([
    [null, '—'],
    [0.25, '15 minutes'],
    [1 / 60, '1 minute'],
    [1, '1 hour'],
    [4.5, '4.5 hours'],
    [47.9, '47.9 hours'],
    [48, '2 days'],
    [24 * 3.24, '3.2 days'],
  ])('writes %p hours as %p', (hours, text) => {
    expect(formatHours(hours)).toBe(text);
  });

  it('plots in days from two days on', () => {
    expect(durationUnit(30)).toEqual({ label: 'hours', perHour: 1 });
    expect(durationUnit(72).label).toBe('days');
  });

  it('writes percentages, shares and counts, with a dash for no value', () => {
    expect(formatPercent(83.3)).toBe('83.3%');
    expect(formatPercent(null)).toBe('—');
    expect(formatShare(0.5)).toBe('50%');
    expect(formatShare(0.3333)).toBe('33.3%');
    expect(formatNumber(1.25)).toBe('1.3');
    expect(formatNumber(null)).toBe('—');
  });

  it('names domains for charts', () => {
    expect(domainLabel('domain:default/capital-markets')).toBe(
      'capital-markets',
    );
    expect(domainLabel('domain:finance/treasury')).toBe('finance/treasury');
    expect(domainLabel(null)).toBe('No domain');
  });

  it.each([
    ['2026-11-20T11:59:30.000Z', 'just now'],
    ['2026-11-20T12:00:30.000Z', 'just now'],
    ['2026-11-20T11:59:00.000Z', '1 minute ago'],
    ['2026-11-20T11:15:00.000Z', '45 minutes ago'],
    ['2026-11-20T10:30:00.000Z', '1 hour ago'],
    ['2026-11-19T10:00:00.000Z', 'yesterday'],
    ['2026-11-10T12:00:00.000Z', '10 days ago'],
  ])('writes %p, read at noon, as %p', (iso, text) => {
    expect(
      formatRelativeTime(iso, Date.parse('2026-11-20T12:00:00.000Z')),
    ).toBe(text);
  });

  it('says nothing of a value that is no date', () => {
    expect(formatRelativeTime('soon')).toBeUndefined();
  });
});
