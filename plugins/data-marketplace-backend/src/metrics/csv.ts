/**
 * CSV as RFC 4180 has it: a header row, CRLF line ends, a field in double quotes when it
 * holds a comma, a quote or a line break, with its quotes doubled.
 *
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return) is prefixed with an apostrophe: product names, versions and domains come
 * from descriptors that anyone with a repository can write.
 */
export type CsvValue = string | number | null | undefined;

function escapeField(value: CsvValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T extends Record<string, CsvValue>>(
  columns: ReadonlyArray<keyof T & string>,
  rows: readonly T[],
): string {
  const lines = [
    columns.map(escapeField).join(','),
    ...rows.map(row =>
      columns.map(column => escapeField(row[column])).join(','),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
