import type { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Cycle,
  CycleTimeseries,
  DomainGovernance,
  GovernancePolicy,
  GovernanceStatus,
  MarketplaceProductsResponse,
  MarketplaceQueryRequest,
  MeshGovernanceSummary,
  MetricsExport,
  MetricsExportFormat,
  MetricsPeriod,
  MetricsQuery,
  MetricsSummary,
  ProductGovernance,
  ReuseTimeseries,
} from './types';

/**
 * The data-marketplace backend (`/api/data-marketplace`) as the frontend sees it: one method
 * per route of its governance, metrics and marketplace APIs. Failures reject with a `ResponseError` from
 * `@backstage/errors`, whose `response.status` tells an invalid query (400) from the rest.
 *
 * @public
 */
export interface DataMarketplaceApi {
  /** A product's governance result; undefined when it has not been evaluated (404). */
  getProductGovernance(
    entityRef: string | CompoundEntityRef,
  ): Promise<ProductGovernance | undefined>;
  /** One domain's compliance, rules, products and a trend of `days` days (default 30). */
  getDomainGovernance(
    domainRef: string | CompoundEntityRef,
    options?: { days?: number },
  ): Promise<DomainGovernance>;
  /** The mesh: totals, domains, rules, the `limit` worst offenders, a `days` days trend. */
  getGovernanceSummary(options?: {
    limit?: number;
    days?: number;
  }): Promise<MeshGovernanceSummary>;
  /** Statuses of many products, keyed by the refs as given; refs without a result left out. */
  getGovernanceStatuses(
    entityRefs: string[],
  ): Promise<Record<string, GovernanceStatus>>;
  /** The mesh-wide policies in force. */
  listGovernancePolicies(): Promise<GovernancePolicy[]>;

  getMetricsSummary(query?: MetricsQuery): Promise<MetricsSummary>;
  getCycleTimeseries(
    query: MetricsQuery & { cycle: Cycle; period?: MetricsPeriod },
  ): Promise<CycleTimeseries>;
  getReuseTimeseries(
    query?: MetricsQuery & { period?: MetricsPeriod },
  ): Promise<ReuseTimeseries>;
  /** Every recorded lead time as a CSV or JSON file. */
  exportMetrics(
    query: MetricsQuery & { format: MetricsExportFormat; cycle?: Cycle },
  ): Promise<MetricsExport>;

  /**
   * A page of the marketplace from the backend's index, with every facet's counts (under
   * the term too) and when the index was last fed. Rejects with status 404 where the
   * backend, or its index, is not installed, and 403 for a user the permission policy does
   * not let read the whole catalog (the page then reads the catalog).
   */
  queryProducts(
    request: MarketplaceQueryRequest,
  ): Promise<MarketplaceProductsResponse>;
}

/**
 * The DataMarketplaceApi; the plugin registers DataMarketplaceClient for it.
 *
 * @public
 */
export const dataMarketplaceApiRef = createApiRef<DataMarketplaceApi>({
  id: 'plugin.data-marketplace.service',
});
