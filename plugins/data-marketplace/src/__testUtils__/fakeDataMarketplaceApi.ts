import { ResponseError } from '@backstage/errors';
import type { DataMarketplaceApi } from '../api';
import {
  governancePolicies,
  meshGovernanceSummary,
} from './governanceFixtures';
import {
  cycleTimeseries,
  EXPORT_CSV,
  metricsSummary,
  reuseTimeseries,
} from './metricsFixtures';

/** A jest.fn typed as the method it stands for. */
function method<K extends keyof DataMarketplaceApi>(
  implementation: DataMarketplaceApi[K],
): jest.MockedFunction<DataMarketplaceApi[K]> {
  const mock: unknown = jest.fn(implementation as (...args: any[]) => any);
  return mock as jest.MockedFunction<DataMarketplaceApi[K]>;
}

/**
 * What the client rejects with where the data-marketplace backend, or its marketplace
 * index, is not installed: the backend's 404 for an unknown route.
 */
export function notFoundError(): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message: 'Not Found' },
        response: { statusCode: 404 },
      }),
      {
        status: 404,
        statusText: 'Not Found',
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}

/**
 * A DataMarketplaceApi answering with the fixtures, every method a jest.fn so tests can
 * read what was asked and replace an answer (`api.getProductGovernance.mockResolvedValue`).
 * It has no marketplace index (`queryProducts` answers 404), so the marketplace page reads
 * the catalog; give it one with `api.queryProducts.mockImplementation(fakeIndexQuery(products))`.
 */
export function fakeDataMarketplaceApi(): jest.Mocked<DataMarketplaceApi> {
  return {
    getProductGovernance: method<'getProductGovernance'>(async () => undefined),
    getDomainGovernance: method<'getDomainGovernance'>(async () => {
      throw new Error('getDomainGovernance is not faked');
    }),
    getGovernanceSummary: jest.fn(async () => meshGovernanceSummary()),
    getGovernanceStatuses: method<'getGovernanceStatuses'>(async () => ({})),
    listGovernancePolicies: jest.fn(async () => governancePolicies()),
    getMetricsSummary: jest.fn(async query => metricsSummary(query?.domain)),
    getCycleTimeseries: jest.fn(async query =>
      cycleTimeseries(query.cycle, query.period, query.domain),
    ),
    getReuseTimeseries: jest.fn(async query =>
      reuseTimeseries(query?.period, query?.domain),
    ),
    exportMetrics: jest.fn(async query => ({
      blob: new Blob([EXPORT_CSV], { type: 'text/csv' }),
      fileName: `mesh-metrics-2026-11-20.${query.format}`,
    })),
    queryProducts: method<'queryProducts'>(async () => {
      throw await notFoundError();
    }),
  };
}
