/**
 * The string formats ODCS asks for (JSON Schema's `date`, `date-time`, `uri`, and the
 * standard's own id and reference syntax), checked without Node built-ins so the package
 * stays isomorphic.
 */

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}

/** A calendar date, `2022-10-01` (RFC 3339 full-date). */
export function isDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return (
    !!match && isValidDay(Number(match[1]), Number(match[2]), Number(match[3]))
  );
}

/** A timestamp with its offset, `2022-11-15T02:59:43+00:00` (RFC 3339 date-time). */
export function isDateTime(value: string): boolean {
  const match =
    /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/.exec(
      value,
    );
  if (!match || !isDate(match[1])) {
    return false;
  }
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map(Number);
  // 60 allows a leap second.
  return hours < 24 && minutes < 60 && seconds <= 60;
}

/** An absolute URI: a scheme, then anything without spaces (`s3://bucket/path`, `https://...`). */
export function isUri(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(value);
}

/** ODCS v3.1+ ids of parts (`tbl_obj`, `support-email`): letters, digits, `_` and `-`. */
export const STABLE_ID = /^[A-Za-z0-9_-]+$/;

const IDENTIFIER = '[A-Za-z_][A-Za-z0-9_]*';

/** `table.column` (v3.1.0), or any number of dotted parts after the first (v3.2.0). */
export function shorthandReference(multiDot: boolean): RegExp {
  return multiDot
    ? new RegExp(`^${IDENTIFIER}(\\.${IDENTIFIER})+$`)
    : new RegExp(`^${IDENTIFIER}\\.${IDENTIFIER}$`);
}

/**
 * A path to an element by ids, optionally in another contract file:
 * `[https://host/other.yaml#]/schema/<id>/properties/<id>`.
 */
export const FULLY_QUALIFIED_REFERENCE = new RegExp(
  `^(?:(?:https?://)?[A-Za-z0-9._\\-/]+\\.yaml#)?/?${IDENTIFIER}/[A-Za-z0-9_-]+(?:/${IDENTIFIER}/[A-Za-z0-9_-]+)*$`,
);
