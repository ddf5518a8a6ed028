/** The UTC day of a moment (YYYY-MM-DD), as daily snapshots and trends key it. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
