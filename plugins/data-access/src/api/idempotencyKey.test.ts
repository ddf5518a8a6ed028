import { newIdempotencyKey } from './idempotencyKey';

const UUID_V4 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey', () => {
  it('is a fresh UUID each time', () => {
    const first = newIdempotencyKey();
    expect(first).toMatch(UUID_V4);
    expect(newIdempotencyKey()).not.toBe(first);
  });

  it('still makes a version 4 UUID where randomUUID is missing (plain HTTP)', () => {
    const original = crypto.randomUUID;
    const getRandomValues = jest.spyOn(crypto, 'getRandomValues');
    Object.defineProperty(crypto, 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    try {
      const keys = new Set(Array.from({ length: 20 }, newIdempotencyKey));
      expect(getRandomValues).toHaveBeenCalledTimes(20);
      expect(keys.size).toBe(20);
      for (const key of keys) {
        expect(key).toMatch(UUID_V4);
      }
    } finally {
      Object.defineProperty(crypto, 'randomUUID', {
        value: original,
        configurable: true,
      });
      getRandomValues.mockRestore();
    }
  });
});
