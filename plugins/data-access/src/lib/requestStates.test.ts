import { ACCESS_REQUEST_STATES } from '@datamesh/plugin-data-access-common';
import { actionsAllowedByState, upcomingSteps } from './requestStates';

describe('upcomingSteps', () => {
  it('follows submitted → decided → provisioning → granted', () => {
    expect(upcomingSteps('submitted').map(step => step.key)).toEqual([
      'decided',
      'provisioning',
      'granted',
    ]);
    expect(upcomingSteps('approved').map(step => step.key)).toEqual([
      'provisioning',
      'granted',
    ]);
    expect(upcomingSteps('provisioning').map(step => step.key)).toEqual([
      'granted',
    ]);
  });

  it('adds the end of time-bound access, also once granted', () => {
    expect(upcomingSteps('granted', '2027-03-31')).toEqual([
      expect.objectContaining({
        key: 'expired',
        description: expect.stringContaining('2027-03-31'),
      }),
    ]);
    expect(upcomingSteps('granted')).toEqual([]);
  });

  it.each(['rejected', 'cancelled', 'failed', 'revoked', 'expired'] as const)(
    'has nothing to come after %s',
    state => {
      expect(upcomingSteps(state, '2027-03-31')).toEqual([]);
    },
  );
});

describe('actionsAllowedByState', () => {
  it('follows the state machine of -common', () => {
    const allowed = Object.fromEntries(
      ACCESS_REQUEST_STATES.map(state => [state, actionsAllowedByState(state)]),
    );
    expect(allowed.submitted).toEqual({
      decide: true,
      cancel: true,
      revoke: false,
    });
    expect(allowed.granted).toEqual({
      decide: false,
      cancel: false,
      revoke: true,
    });
    for (const state of ['approved', 'provisioning', 'rejected', 'expired']) {
      expect(allowed[state]).toEqual({
        decide: false,
        cancel: false,
        revoke: false,
      });
    }
  });
});
