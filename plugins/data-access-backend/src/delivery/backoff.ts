/**
 * The delay before retry number `failures` (1 for the first): doubling from the initial delay
 * up to the cap, minus up to a fifth at random so that deliveries that failed together (an
 * outage) do not all come back in the same second.
 */
export function retryDelayMs(
  failures: number,
  options: { initialDelayMs: number; maxDelayMs: number },
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const delay = Math.min(
    options.maxDelayMs,
    options.initialDelayMs * 2 ** exponent,
  );
  return Math.round(delay * (1 - 0.2 * random()));
}
