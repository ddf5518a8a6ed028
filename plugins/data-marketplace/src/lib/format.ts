// How the governance and metrics pages write numbers: always with their unit, and a dash
// where the backend has no value (null), so "no data" is never read as zero.

const NO_VALUE = '—';

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function plural(value: number, unit: string): string {
  return `${oneDecimal.format(value)} ${unit}${
    oneDecimal.format(value) === '1' ? '' : 's'
  }`;
}

/**
 * A lead time given in hours, in the unit a person would say it in: minutes under an hour,
 * hours under two days, days beyond (`45 minutes`, `4.5 hours`, `3.2 days`).
 */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) {
    return NO_VALUE;
  }
  if (hours < 1) {
    return plural(Math.round(hours * 60), 'minute');
  }
  if (hours < 48) {
    return plural(hours, 'hour');
  }
  return plural(hours / 24, 'day');
}

/** The unit a chart of lead times uses: days when its largest value is two days or more. */
export function durationUnit(maxHours: number): {
  label: 'hours' | 'days';
  perHour: number;
} {
  return maxHours >= 48
    ? { label: 'days', perHour: 1 / 24 }
    : { label: 'hours', perHour: 1 };
}

/** A percentage the backend already computed (compliance: `83.3`). */
export function formatPercent(percent: number | null | undefined): string {
  return percent === null || percent === undefined
    ? NO_VALUE
    : `${oneDecimal.format(percent)}%`;
}

/** A share from 0 to 1 (`0.5`), as a percentage. */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined
    ? NO_VALUE
    : formatPercent(share * 100);
}

/** A count or a mean of counts (consumers per product). */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined
    ? NO_VALUE
    : oneDecimal.format(value);
}

/** An ISO instant, in the reader's locale and time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) {
    return NO_VALUE;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      });
}

const relativeTime = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

/** Largest unit first: a time is said in the largest unit it has one whole of. */
const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 24 * 60 * 60],
  ['hour', 60 * 60],
  ['minute', 60],
];

/**
 * How long ago an ISO instant was, as a person says it (`just now`, `5 minutes ago`,
 * `yesterday`); undefined when it is no date. A moment in the future is a clock a little
 * ahead of the reader's: `just now`.
 */
export function formatRelativeTime(
  iso: string,
  now: number = Date.now(),
): string | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) {
    return undefined;
  }
  const secondsAgo = Math.max(0, (now - time) / 1000);
  const unit = RELATIVE_UNITS.find(([, seconds]) => secondsAgo >= seconds);
  return unit
    ? relativeTime.format(-Math.floor(secondsAgo / unit[1]), unit[0])
    : 'just now';
}

/**
 * A domain ref as a chart label: `domain:default/capital-markets` → `capital-markets`
 * (the namespace is kept when it is not the default one); `No domain` for null.
 */
export function domainLabel(domainRef: string | null): string {
  if (!domainRef) {
    return 'No domain';
  }
  const match = /^(?:[^:]+:)?(?:([^/]+)\/)?(.+)$/.exec(domainRef);
  if (!match) {
    return domainRef;
  }
  const [, namespace, name] = match;
  return namespace && namespace !== 'default' ? `${namespace}/${name}` : name;
}
