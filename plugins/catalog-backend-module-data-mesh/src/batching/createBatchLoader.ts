/** A batch is sent once it holds this many distinct keys, unless told otherwise. */
export const DEFAULT_MAX_BATCH_SIZE = 100;

/**
 * How long the first key of a batch waits for others, unless told otherwise. The catalog
 * starts its processing tasks in groups (up to ten at a time) and they reach a processor
 * within the same few milliseconds; a few milliseconds of wait is little next to the HTTP
 * call it saves.
 */
export const DEFAULT_MAX_WAIT_MS = 5;

export interface BatchLoaderOptions<K, V> {
  /**
   * Answers many keys in one call. A key missing from the map has no value: its callers get
   * `undefined`. A rejection goes to every caller of the batch.
   */
  loadMany(keys: K[]): Promise<ReadonlyMap<K, V>>;
  /** A batch is sent as soon as it holds this many distinct keys. */
  maxBatchSize?: number;
  /** How long the first key of a batch waits for others; 0 waits for the next macrotask. */
  maxWaitMs?: number;
}

export interface BatchLoader<K, V> {
  /** The key's value from the next batch call; `undefined` when that call had none. */
  load(key: K): Promise<V | undefined>;
}

interface Waiter<V> {
  resolve(value: V | undefined): void;
  reject(error: unknown): void;
}

/**
 * Gathers the keys asked for within a short window into one `loadMany` call, so that many
 * concurrent callers cost one round trip instead of one each. A key asked twice in one batch
 * is asked once. Nothing is remembered between batches: each batch reads fresh values, which
 * matters when a caller reads right after a change it was told about.
 */
export function createBatchLoader<K, V>(
  options: BatchLoaderOptions<K, V>,
): BatchLoader<K, V> {
  const {
    loadMany,
    maxBatchSize = DEFAULT_MAX_BATCH_SIZE,
    maxWaitMs = DEFAULT_MAX_WAIT_MS,
  } = options;
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) {
    throw new TypeError(
      `maxBatchSize: expected a whole number of 1 or more, not ${maxBatchSize}`,
    );
  }
  if (!Number.isFinite(maxWaitMs) || maxWaitMs < 0) {
    throw new TypeError(
      `maxWaitMs: expected 0 or more milliseconds, not ${maxWaitMs}`,
    );
  }

  let pending: Map<K, Waiter<V>[]> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function send(batch: Map<K, Waiter<V>[]>) {
    let values: ReadonlyMap<K, V>;
    try {
      values = await loadMany([...batch.keys()]);
    } catch (error) {
      for (const waiters of batch.values()) {
        waiters.forEach(waiter => waiter.reject(error));
      }
      return;
    }
    for (const [key, waiters] of batch) {
      const value = values.get(key);
      waiters.forEach(waiter => waiter.resolve(value));
    }
  }

  function flush() {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = undefined;
    if (batch) {
      // send() settles every waiter itself and never rejects.
      void send(batch);
    }
  }

  return {
    load(key) {
      return new Promise<V | undefined>((resolve, reject) => {
        if (!pending) {
          pending = new Map();
          timer = setTimeout(flush, maxWaitMs);
        }
        const waiters = pending.get(key);
        if (waiters) {
          waiters.push({ resolve, reject });
        } else {
          pending.set(key, [{ resolve, reject }]);
        }
        if (pending.size >= maxBatchSize) {
          flush();
        }
      });
    },
  };
}

/** How a processor batches its calls to another plugin (tests and tuning; defaults suit). */
export type ProcessorBatchingOptions = Pick<
  BatchLoaderOptions<unknown, unknown>,
  'maxBatchSize' | 'maxWaitMs'
>;
