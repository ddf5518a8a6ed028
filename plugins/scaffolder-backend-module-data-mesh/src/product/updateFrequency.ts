/**
 * The update frequencies a template offers, and the SLA property the contract states for
 * each. The product descriptor keeps the word (the suite's `updateFrequency` convention);
 * the contract states it the ODCS way, as a value and a unit.
 */
export const UPDATE_FREQUENCIES = [
  'realtime',
  'hourly',
  'daily',
  'weekly',
  'monthly',
] as const;
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[number];

const SLA_FREQUENCY: Record<
  UpdateFrequency,
  { value: number | string; unit?: string }
> = {
  realtime: { value: 'realtime' },
  hourly: { value: 1, unit: 'h' },
  daily: { value: 1, unit: 'd' },
  weekly: { value: 7, unit: 'd' },
  monthly: { value: 30, unit: 'd' },
};

/** The contract's `frequency` SLA property for a frequency the template offers, if it is one. */
export function slaFrequency(
  frequency: string,
):
  | { property: 'frequency'; value: number | string; unit?: string }
  | undefined {
  const known = SLA_FREQUENCY[frequency as UpdateFrequency];
  return known ? { property: 'frequency', ...known } : undefined;
}
