import { IndexVersionCache } from './IndexVersionCache';

describe('IndexVersionCache', () => {
  const counter = () => {
    let calls = 0;
    return {
      compute: async () => ++calls,
      calls: () => calls,
    };
  };

  it('computes once per key and version, and again for a newer version', async () => {
    const cache = new IndexVersionCache();
    const { compute, calls } = counter();
    const v1 = '2026-11-21T10:00:00.000Z';
    const v2 = '2026-11-21T10:01:00.000Z';
    // Requests that arrive together share one computation.
    expect(
      await Promise.all([
        cache.get(v1, 'a', compute),
        cache.get(v1, 'a', compute),
      ]),
    ).toEqual([1, 1]);
    expect(await cache.get(v1, 'b', compute)).toBe(2);
    expect(await cache.get(v2, 'a', compute)).toBe(3);
    expect(await cache.get(v2, 'a', compute)).toBe(3);
    expect(calls()).toBe(3);
  });

  it('never goes back to an older version, and keeps nothing without one', async () => {
    const cache = new IndexVersionCache();
    const { compute } = counter();
    const older = '2026-11-21T10:00:00.000Z';
    const newer = '2026-11-21T10:01:00.000Z';
    expect(await cache.get(newer, 'a', compute)).toBe(1);
    // A request that read the version before the last run ended is answered, not kept.
    expect(await cache.get(older, 'a', compute)).toBe(2);
    expect(await cache.get(newer, 'a', compute)).toBe(1);
    expect(await cache.get(null, 'a', compute)).toBe(3);
    expect(await cache.get(null, 'a', compute)).toBe(4);
  });

  it('forgets a computation that failed', async () => {
    const cache = new IndexVersionCache();
    const version = '2026-11-21T10:00:00.000Z';
    await expect(
      cache.get(version, 'a', async () => {
        throw new Error('connection reset');
      }),
    ).rejects.toThrow('connection reset');
    expect(await cache.get(version, 'a', async () => 'counted')).toBe(
      'counted',
    );
  });
});
