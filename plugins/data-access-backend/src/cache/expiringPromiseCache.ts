/**
 * Answers kept for a while, by key: the promise itself is kept, so concurrent first asks of
 * one key load once. A failed load is never kept, nor a value `keep` refuses; beyond
 * `maxEntries` the oldest entry is forgotten first.
 */
export interface ExpiringPromiseCache<T> {
  get(
    key: string,
    load: () => Promise<T>,
    keep?: (value: T) => boolean,
  ): Promise<T>;
}

export function createExpiringPromiseCache<T>(options: {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}): ExpiringPromiseCache<T> {
  const { ttlMs, maxEntries, now = Date.now } = options;
  const entries = new Map<string, { expiresAt: number; value: Promise<T> }>();

  return {
    get(key, load, keep) {
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now()) {
        return hit.value;
      }
      const entry = { expiresAt: now() + ttlMs, value: load() };
      // Deleted first, so that the entry moves to the end: the oldest are first.
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > maxEntries) {
        entries.delete(entries.keys().next().value!);
      }
      const forget = () => {
        if (entries.get(key) === entry) {
          entries.delete(key);
        }
      };
      entry.value.then(value => {
        if (keep && !keep(value)) {
          forget();
        }
      }, forget);
      return entry.value;
    },
  };
}
