/**
 * Results that depend on nothing but the index, kept for one version of it: the time a run
 * last changed the index (marketplace_index_runs.changed_at). A new version empties the
 * cache. Promises are kept, so requests that arrive together share one computation; a
 * failed one is forgotten.
 *
 * A request that read an older version than the cache holds (a run finished while it was
 * on its way) computes without caching, so the cache never goes back to an older version.
 */
export class IndexVersionCache {
  private version: string | undefined;
  private readonly entries = new Map<string, Promise<unknown>>();

  /** `keep` may refuse a result once computed (too large): it is returned, not kept. */
  get<T>(
    version: string | null,
    key: string,
    compute: () => Promise<T>,
    keep: (result: T) => boolean = () => true,
  ): Promise<T> {
    if (version === null || (this.version && version < this.version)) {
      return compute();
    }
    if (version !== this.version) {
      this.version = version;
      this.entries.clear();
    }
    const kept = this.entries.get(key) as Promise<T> | undefined;
    if (kept) {
      return kept;
    }
    const computed = compute();
    this.entries.set(key, computed);
    const forget = () => {
      if (this.entries.get(key) === computed) {
        this.entries.delete(key);
      }
    };
    computed.then(result => keep(result) || forget(), forget);
    return computed;
  }
}
