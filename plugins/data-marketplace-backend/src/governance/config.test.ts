import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import { MeshPolicies } from './MeshPolicies';
import { readGovernanceSchedule } from './config';

const schedule = (value?: JsonValue) =>
  readGovernanceSchedule(
    new ConfigReader(
      value === undefined
        ? {}
        : { dataMarketplace: { governance: { schedule: value } } },
    ),
  );

describe('readGovernanceSchedule', () => {
  it('runs every minute with a 10 minute timeout by default', () => {
    expect(schedule()).toEqual({
      frequency: { minutes: 1 },
      timeout: { minutes: 10 },
      initialDelay: undefined,
      scope: undefined,
    });
  });

  it('takes a duration, an ISO duration or a cron frequency, keeping the default timeout', () => {
    expect(schedule({ frequency: { seconds: 30 } })).toMatchObject({
      frequency: { seconds: 30 },
      timeout: { minutes: 10 },
    });
    expect(schedule({ frequency: 'PT5M' }).frequency).toEqual({ minutes: 5 });
    expect(schedule({ frequency: '2 minutes' }).frequency).toEqual({
      minutes: 2,
    });
    expect(
      schedule({ frequency: { cron: '*/5 * * * *' }, timeout: { minutes: 2 } }),
    ).toMatchObject({
      frequency: { cron: '*/5 * * * *' },
      timeout: { minutes: 2 },
    });
  });

  it('names the key of a schedule it cannot read', () => {
    expect(() => schedule({ frequency: 'often' })).toThrow(
      /^Invalid dataMarketplace\.governance\.schedule: .*frequency/,
    );
    expect(() => schedule({ scope: 'everywhere' })).toThrow(
      /dataMarketplace\.governance\.schedule.*scope/,
    );
  });
});

describe('MeshPolicies', () => {
  const rule = (severity: string) => ({
    id: 'mesh/support-channel',
    type: 'required-fields',
    severity,
    params: { fields: ['spec.support'] },
  });
  const configWith = (policies: JsonValue) => ({
    datamesh: { governance: { policies } },
  });

  it('reads no policies when config has none', () => {
    const policies = MeshPolicies.fromConfig(
      new ConfigReader({}),
      mockServices.logger.mock(),
    );
    expect(policies.current()).toEqual([]);
  });

  it('stops startup on invalid policies, naming the path of each problem', () => {
    expect(() =>
      MeshPolicies.fromConfig(
        new ConfigReader(configWith([rule('error'), rule('blocker')])),
        mockServices.logger.mock(),
      ),
    ).toThrow(/datamesh\.governance\.policies\[1\]\.severity/);
  });

  it('follows config changes, and keeps the policies in force when a change is invalid', () => {
    let data = configWith([rule('warning')]);
    let notify = () => {};
    const config = Object.assign(new ConfigReader(data), {
      getOptional: (key: string) => new ConfigReader(data).getOptional(key),
      subscribe(onChange: () => void) {
        notify = onChange;
        return { unsubscribe() {} };
      },
    });
    const logger = mockServices.logger.mock();
    const policies = MeshPolicies.fromConfig(config, logger);
    expect(policies.current()[0].severity).toBe('warning');

    data = configWith([rule('error')]);
    notify();
    expect(policies.current()[0].severity).toBe('error');

    data = configWith([rule('sometimes')]);
    notify();
    expect(policies.current()[0].severity).toBe('error');
    expect(logger.error).toHaveBeenCalledWith(
      'The changed governance policies are invalid; the previous ones stay in force',
      {
        issues: expect.stringContaining(
          'datamesh.governance.policies[0].severity',
        ),
      },
    );
  });
});
