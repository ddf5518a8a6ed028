import { exportFileName } from './exportFileName';

const today = new Date('2026-11-20T15:00:00Z');

describe('exportFileName', () => {
  it.each([
    [
      'attachment; filename="mesh-metrics-2026-11-19.csv"',
      'mesh-metrics-2026-11-19.csv',
    ],
    ['attachment; filename=mesh-metrics.json', 'mesh-metrics.json'],
    ["attachment; filename*=UTF-8''m%C3%A9trics.csv", 'métrics.csv'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
  ])('reads %s', (header, expected) => {
    expect(exportFileName(header, 'csv', today)).toBe(expected);
  });

  it('names the file after the day and format without a readable header', () => {
    expect(exportFileName(null, 'json', today)).toBe(
      'mesh-metrics-2026-11-20.json',
    );
    expect(exportFileName('attachment', 'csv', today)).toBe(
      'mesh-metrics-2026-11-20.csv',
    );
    expect(exportFileName('attachment; filename=".."', 'csv', today)).toBe(
      'mesh-metrics-2026-11-20.csv',
    );
  });
});
