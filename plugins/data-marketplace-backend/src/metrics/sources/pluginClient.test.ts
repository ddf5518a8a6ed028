import { parseInstant } from './pluginClient';

describe('parseInstant', () => {
  it.each([
    ['2026-11-21T10:00:00.000Z', '2026-11-21T10:00:00.000Z'],
    ['2026-11-21T11:00:00+01:00', '2026-11-21T10:00:00.000Z'],
    // SQLite keeps UTC without a zone.
    ['2026-11-21 10:00:00', '2026-11-21T10:00:00.000Z'],
    ['2026-11-21T10:00:00', '2026-11-21T10:00:00.000Z'],
  ])('reads %s as %s', (value, expected) => {
    expect(parseInstant(value)).toBe(expected);
  });

  it.each([[undefined], [''], ['soon'], [1732183200000]])(
    'gives nothing for %p',
    value => {
      expect(parseInstant(value)).toBeUndefined();
    },
  );
});
