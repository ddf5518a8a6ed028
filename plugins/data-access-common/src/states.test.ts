import { ACCESS_REQUEST_STATES, canTransition, isFinalState } from './states';

describe('the life of an access request', () => {
  it.each([
    ['submitted', 'approved'],
    ['submitted', 'rejected'],
    ['submitted', 'cancelled'],
    ['approved', 'provisioning'],
    ['provisioning', 'granted'],
    ['provisioning', 'failed'],
    ['granted', 'revoked'],
    ['granted', 'expired'],
  ] as const)('goes from %s to %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ['submitted', 'granted'],
    ['approved', 'granted'],
    ['rejected', 'approved'],
    ['granted', 'approved'],
    ['cancelled', 'submitted'],
  ] as const)('never goes from %s to %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('ends in rejected, cancelled, failed, revoked and expired', () => {
    expect(ACCESS_REQUEST_STATES.filter(isFinalState)).toEqual([
      'rejected',
      'cancelled',
      'failed',
      'revoked',
      'expired',
    ]);
  });
});
