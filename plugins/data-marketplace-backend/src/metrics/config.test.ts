import { ConfigReader } from '@backstage/config';
import { readMetricsSettings } from './config';

describe('readMetricsSettings', () => {
  it('collects every 5 minutes from the suite’s own templates by default', () => {
    expect(readMetricsSettings(new ConfigReader({}))).toEqual({
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 4 } },
      createTemplates: [
        'template:default/source-aligned-data-product',
        'template:default/aggregate-data-product',
      ],
      evolveTemplates: ['template:default/evolve-data-product'],
      lookbackDays: 365,
    });
  });

  it('takes the schedule, templates and lookback from dataMarketplace.metrics', () => {
    const settings = readMetricsSettings(
      new ConfigReader({
        dataMarketplace: {
          metrics: {
            // A frequency alone keeps the default timeout.
            schedule: {
              frequency: { minutes: 15 },
              initialDelay: { seconds: 30 },
            },
            templates: {
              create: ['new-data-product', 'Template:platform/Data-Product'],
              evolve: ['template:default/change-data-product'],
            },
            lookbackDays: 90,
          },
        },
      }),
    );
    expect(settings).toEqual({
      schedule: {
        frequency: { minutes: 15 },
        timeout: { minutes: 4 },
        initialDelay: { seconds: 30 },
      },
      createTemplates: [
        'template:default/new-data-product',
        'template:platform/data-product',
      ],
      evolveTemplates: ['template:default/change-data-product'],
      lookbackDays: 90,
    });
  });

  it('accepts a cron schedule and an ISO duration', () => {
    expect(
      readMetricsSettings(
        new ConfigReader({
          dataMarketplace: {
            metrics: {
              schedule: {
                frequency: { cron: '*/10 * * * *' },
                timeout: 'PT2M',
              },
            },
          },
        }),
      ).schedule,
    ).toEqual({
      frequency: { cron: '*/10 * * * *' },
      timeout: expect.anything(),
    });
  });

  it('says which template is not an entity ref', () => {
    expect(() =>
      readMetricsSettings(
        new ConfigReader({
          dataMarketplace: {
            metrics: { templates: { evolve: ['template:default/'] } },
          },
        }),
      ),
    ).toThrow(
      'dataMarketplace.metrics.templates.evolve: "template:default/" is not an entity ref',
    );
  });
});
