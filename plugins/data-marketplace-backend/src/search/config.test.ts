import { ConfigReader } from '@backstage/config';
import { readMarketplaceIndexSchedule } from './config';

describe('readMarketplaceIndexSchedule', () => {
  it('runs every 30 seconds with a 10 minute timeout, once per tick across replicas', () => {
    expect(readMarketplaceIndexSchedule(new ConfigReader({}))).toEqual({
      frequency: { seconds: 30 },
      timeout: { minutes: 10 },
      scope: 'global',
    });
  });

  it('takes the configured fields, a cron frequency whole, and stays global', () => {
    expect(
      readMarketplaceIndexSchedule(
        new ConfigReader({
          dataMarketplace: {
            index: {
              schedule: {
                frequency: { cron: '*/2 * * * *' },
                initialDelay: { seconds: 10 },
                scope: 'local',
              },
            },
          },
        }),
      ),
    ).toEqual({
      frequency: { cron: '*/2 * * * *' },
      timeout: { minutes: 10 },
      initialDelay: { seconds: 10 },
      scope: 'global',
    });
  });

  it('names the key when the schedule is wrong', () => {
    expect(() =>
      readMarketplaceIndexSchedule(
        new ConfigReader({
          dataMarketplace: { index: { schedule: { frequency: 'often' } } },
        }),
      ),
    ).toThrow(/dataMarketplace\.index\.schedule/);
  });
});
