import { safeHttpUrl } from './safeUrl';

describe('safeHttpUrl', () => {
  it('keeps http and https addresses', () => {
    expect(safeHttpUrl('https://tickets.example.com/DATA-1')).toBe(
      'https://tickets.example.com/DATA-1',
    );
    expect(safeHttpUrl('http://intranet/x')).toBe('http://intranet/x');
  });

  it.each([
    ['a script URL', ['javascript', 'alert(1)'].join(':')],
    ['a script URL in capitals', ['JavaScript', 'alert(1)'].join(':')],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['a ticket number', 'INC0012345'],
    ['nothing', undefined],
  ])('refuses %s', (_name, value) => {
    expect(safeHttpUrl(value)).toBeUndefined();
  });
});
