import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header row, then one line per row, with CRLF line ends', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          { a: 'x', b: 1 },
          { a: null, b: undefined },
        ],
      ),
    ).toBe('a,b\r\nx,1\r\n,\r\n');
  });

  it('quotes a field with a comma, a quote or a line break, doubling its quotes', () => {
    expect(
      toCsv(
        ['v'],
        [
          { v: 'one, two' },
          { v: 'say "hi"' },
          { v: 'line\nbreak' },
          { v: 'carriage\rreturn' },
        ],
      ),
    ).toBe(
      'v\r\n"one, two"\r\n"say ""hi"""\r\n"line\nbreak"\r\n"carriage\rreturn"\r\n',
    );
  });

  it('keeps text from being run as a spreadsheet formula, but not numbers', () => {
    expect(
      toCsv(
        ['v'],
        [
          { v: '=HYPERLINK("http://x")' },
          { v: '+1' },
          { v: '-1' },
          { v: '@SUM(A1)' },
          { v: '\tx' },
          { v: -1.5 },
        ],
      ),
    ).toBe(
      `v\r\n"'=HYPERLINK(""http://x"")"\r\n'+1\r\n'-1\r\n'@SUM(A1)\r\n'\tx\r\n-1.5\r\n`,
    );
  });
});
