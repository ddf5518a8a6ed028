import { ConfigReader } from '@backstage/config';
import { retryDelayMs } from './backoff';
import {
  chooseDeliveryAdapter,
  DEFAULT_DELIVERY_WORKER_SETTINGS,
  readDeliveryWorkerSettings,
} from './config';

describe('chooseDeliveryAdapter', () => {
  const config = new ConfigReader({
    dataAccess: {
      delivery: {
        default: 'iam-api',
        byDomain: { brokerage: 'ticket' },
        byProduct: { 'entity-ratings': 'webhook' },
      },
    },
  });

  it('prefers the product, then its domain, then the default', () => {
    expect(
      chooseDeliveryAdapter(config, {
        dataProduct: 'dataproduct:default/entity-ratings',
        domain: 'domain:default/brokerage',
      }),
    ).toBe('webhook');
    expect(
      chooseDeliveryAdapter(config, {
        dataProduct: 'dataproduct:default/tenancy-analytics',
        domain: 'domain:default/brokerage',
      }),
    ).toBe('ticket');
    expect(
      chooseDeliveryAdapter(config, {
        dataProduct: 'dataproduct:default/tenancy-analytics',
        domain: 'brokerage',
      }),
    ).toBe('ticket');
    expect(
      chooseDeliveryAdapter(config, {
        dataProduct: 'dataproduct:default/office-valuations',
        domain: 'domain:default/asset',
      }),
    ).toBe('iam-api');
    expect(
      chooseDeliveryAdapter(config, { dataProduct: 'dataproduct:default/x' }),
    ).toBe('iam-api');
  });

  it('is the webhook when config says nothing', () => {
    expect(
      chooseDeliveryAdapter(new ConfigReader({}), {
        dataProduct: 'dataproduct:default/x',
        domain: 'domain:default/y',
      }),
    ).toBe('webhook');
  });
});

describe('readDeliveryWorkerSettings', () => {
  it('has defaults, and reads durations in either config form', () => {
    expect(readDeliveryWorkerSettings(undefined)).toEqual(
      DEFAULT_DELIVERY_WORKER_SETTINGS,
    );
    expect(
      readDeliveryWorkerSettings(
        new ConfigReader({
          dataAccess: {
            delivery: {
              frequency: '10s',
              retry: { initialDelay: { seconds: 30 }, maxDelay: '2h' },
              pollInterval: { minutes: 5 },
              lease: 'PT3M',
              batchSize: 25,
            },
          },
        }),
      ),
    ).toEqual({
      ...DEFAULT_DELIVERY_WORKER_SETTINGS,
      frequencyMs: 10_000,
      initialRetryDelayMs: 30_000,
      maxRetryDelayMs: 7_200_000,
      pollIntervalMs: 300_000,
      leaseMs: 180_000,
      batchSize: 25,
    });
  });
});

describe('retryDelayMs', () => {
  const options = { initialDelayMs: 1000, maxDelayMs: 60_000 };

  it('doubles from the initial delay up to the cap', () => {
    const noJitter = () => 0;
    expect(
      [1, 2, 3, 4, 6, 7, 50].map(n => retryDelayMs(n, options, noJitter)),
    ).toEqual([1000, 2000, 4000, 8000, 32_000, 60_000, 60_000]);
  });

  it('takes off at most a fifth at random', () => {
    expect(retryDelayMs(3, options, () => 0.999)).toBe(3201);
    expect(retryDelayMs(3, options, () => 0.5)).toBe(3600);
  });
});
