import type { Classification } from '@datamesh/plugin-data-mesh-common';
import { CLASSIFICATIONS } from '@datamesh/plugin-data-mesh-common';

/** One difference between what the catalog has and what the change proposes. */
export interface Change {
  /** Whether consumers that rely on what the catalog has may break. */
  breaking: boolean;
  /** Where: `schema[open-offers].properties[monthly_rent]`, `outputPorts[open-offers]`. */
  path: string;
  message: string;
}

export const breaking = (path: string, message: string): Change => ({
  breaking: true,
  path,
  message,
});
export const nonBreaking = (path: string, message: string): Change => ({
  breaking: false,
  path,
  message,
});

export function formatChange(change: Change): string {
  return `${change.path}: ${change.message}`;
}

function level(value: string | undefined): number {
  return CLASSIFICATIONS.indexOf(value as Classification);
}

/**
 * A classification that moves to a stricter level takes access away from consumers who
 * had it: breaking. A looser one gives more: not breaking.
 */
export function classificationChange(
  path: string,
  before: string | undefined,
  after: string | undefined,
): Change | undefined {
  if (before === after || !after) {
    return undefined;
  }
  if (!before || level(before) < 0 || level(after) < 0) {
    return nonBreaking(path, `classification set to ${after}`);
  }
  return level(after) > level(before)
    ? breaking(path, `classification tightened from ${before} to ${after}`)
    : nonBreaking(path, `classification loosened from ${before} to ${after}`);
}
