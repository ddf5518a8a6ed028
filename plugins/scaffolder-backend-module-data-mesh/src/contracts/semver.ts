/** A parsed semantic version: major, minor, patch (pre-release tags are ignored here). */
export type Version = [number, number, number];

export function parseVersion(value: unknown): Version | undefined {
  const match =
    typeof value === 'string'
      ? /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(value.trim())
      : null;
  return match
    ? [Number(match[1]), Number(match[2]), Number(match[3])]
    : undefined;
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Whether going from `before` to `after` allows breaking changes: a new major version, or,
 * below 1.0.0, a new minor one (semver: anything may change in 0.y.z).
 */
export function allowsBreakingChanges(
  before: Version,
  after: Version,
): boolean {
  if (after[0] !== before[0]) {
    return after[0] > before[0];
  }
  return before[0] === 0 && after[1] > before[1];
}

/** The smallest version after `before` that allows breaking changes. */
export function nextBreakingVersion(before: Version): string {
  return before[0] === 0 ? `0.${before[1] + 1}.0` : `${before[0] + 1}.0.0`;
}
