/** Words the marketplace shows for the values of the data mesh model. */
const LABELS: Record<string, string> = {
  'sql-view': 'SQL view',
  api: 'API',
  'source-aligned': 'Source-aligned',
  'consumer-aligned': 'Consumer-aligned',
  pii: 'PII',
  sla: 'SLA',
  odps: 'ODPS',
  odcs: 'ODCS',
  dcs: 'Data Contract Specification',
  dpds: 'DPDS',
};

/** `sql-view` → `SQL view`, `internal` → `Internal`, `daily` → `Daily`. */
export function humanizeValue(value: string): string {
  const known = LABELS[value.toLocaleLowerCase('en-US')];
  if (known) {
    return known;
  }
  const words = value.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toLocaleUpperCase('en-US') + words.slice(1);
}
