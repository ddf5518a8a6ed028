import { createBatchLoader } from './createBatchLoader';

/** loadMany that answers each key with its upper case, except `missing`, and records calls. */
function upperCaseLoader() {
  const calls: string[][] = [];
  const loadMany = async (keys: string[]) => {
    calls.push(keys);
    return new Map(
      keys
        .filter(key => key !== 'missing')
        .map(key => [key, key.toUpperCase()]),
    );
  };
  return { calls, loadMany };
}

describe('createBatchLoader', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('asks the keys of one tick in one call and gives each caller its value', async () => {
    const { calls, loadMany } = upperCaseLoader();
    const loader = createBatchLoader({ loadMany, maxWaitMs: 0 });
    const values = await Promise.all([
      loader.load('a'),
      loader.load('b'),
      loader.load('missing'),
    ]);
    expect(values).toEqual(['A', 'B', undefined]);
    expect(calls).toEqual([['a', 'b', 'missing']]);
  });

  it('asks a key asked twice in one batch once, and answers both callers', async () => {
    const { calls, loadMany } = upperCaseLoader();
    const loader = createBatchLoader({ loadMany, maxWaitMs: 0 });
    expect(
      await Promise.all([loader.load('a'), loader.load('b'), loader.load('a')]),
    ).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual([['a', 'b']]);
  });

  it('gathers keys asked within the wait, and starts a new batch after it', async () => {
    jest.useFakeTimers();
    const { calls, loadMany } = upperCaseLoader();
    const loader = createBatchLoader({ loadMany, maxWaitMs: 10 });
    const first = loader.load('a');
    await jest.advanceTimersByTimeAsync(6);
    const second = loader.load('b');
    expect(calls).toEqual([]);
    await jest.advanceTimersByTimeAsync(4);
    expect(calls).toEqual([['a', 'b']]);
    const third = loader.load('c');
    await jest.advanceTimersByTimeAsync(10);
    expect(await Promise.all([first, second, third])).toEqual(['A', 'B', 'C']);
    expect(calls).toEqual([['a', 'b'], ['c']]);
  });

  it('sends a full batch at once, without waiting', async () => {
    jest.useFakeTimers();
    const { calls, loadMany } = upperCaseLoader();
    const loader = createBatchLoader({
      loadMany,
      maxBatchSize: 2,
      maxWaitMs: 60_000,
    });
    const full = [loader.load('a'), loader.load('a'), loader.load('b')];
    const next = loader.load('c');
    expect(calls).toEqual([['a', 'b']]);
    expect(await Promise.all(full)).toEqual(['A', 'A', 'B']);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(await next).toBe('C');
    expect(calls).toEqual([['a', 'b'], ['c']]);
  });

  it('fails every caller of a failed batch, and recovers with the next one', async () => {
    let fail = true;
    const loader = createBatchLoader<string, string>({
      maxWaitMs: 0,
      loadMany: async keys => {
        if (fail) {
          throw new Error('HTTP 503');
        }
        return new Map(keys.map(key => [key, key.toUpperCase()]));
      },
    });
    const results = await Promise.allSettled([
      loader.load('a'),
      loader.load('b'),
    ]);
    expect(results).toEqual([
      { status: 'rejected', reason: new Error('HTTP 503') },
      { status: 'rejected', reason: new Error('HTTP 503') },
    ]);
    fail = false;
    expect(await loader.load('a')).toBe('A');
  });

  it('fails the batch when loadMany throws instead of rejecting', async () => {
    const loader = createBatchLoader<string, string>({
      maxWaitMs: 0,
      loadMany: () => {
        throw new Error('not even a promise');
      },
    });
    await expect(loader.load('a')).rejects.toThrow('not even a promise');
  });

  it('remembers nothing between batches: a key asked again is read again', async () => {
    let version = 1;
    const calls: string[][] = [];
    const loader = createBatchLoader<string, number>({
      maxWaitMs: 0,
      loadMany: async keys => {
        calls.push(keys);
        return new Map(keys.map(key => [key, version]));
      },
    });
    expect(await loader.load('a')).toBe(1);
    version = 2;
    expect(await loader.load('a')).toBe(2);
    expect(calls).toEqual([['a'], ['a']]);
  });

  it('refuses a batch size or a wait that makes no sense', () => {
    const { loadMany } = upperCaseLoader();
    expect(() => createBatchLoader({ loadMany, maxBatchSize: 0 })).toThrow(
      /maxBatchSize/,
    );
    expect(() => createBatchLoader({ loadMany, maxBatchSize: 1.5 })).toThrow(
      /maxBatchSize/,
    );
    expect(() => createBatchLoader({ loadMany, maxWaitMs: -1 })).toThrow(
      /maxWaitMs/,
    );
  });
});
