import {
  parseEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { DataMarketplaceApi } from './DataMarketplaceApi';
import { exportFileName } from './exportFileName';
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

type QueryValues = Record<string, string | number | string[] | undefined>;

/** `?a=1&b=2` of the values that are set, a list as its key repeated; empty when none is. */
function queryString(values: QueryValues): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== '') {
        query.append(key, String(item));
      }
    }
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** `kind/namespace/name`, the shape of the backend's paths and of the catalog's URLs. */
function refPath(
  ref: string | CompoundEntityRef,
  defaultKind: string,
): { kind: string; path: string } {
  const { kind, namespace, name } =
    typeof ref === 'string' ? parseEntityRef(ref, { defaultKind }) : ref;
  // The backend compares refs in lower case.
  const lowerKind = kind.toLocaleLowerCase('en-US');
  return {
    kind: lowerKind,
    path: [lowerKind, namespace, name].map(encodeURIComponent).join('/'),
  };
}

/**
 * Talks to the data-marketplace backend at `discoveryApi.getBaseUrl('data-marketplace')`,
 * through the fetchApi so the user's token goes along.
 *
 * @public
 */
export class DataMarketplaceClient implements DataMarketplaceApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getProductGovernance(
    entityRef: string | CompoundEntityRef,
  ): Promise<ProductGovernance | undefined> {
    const { path } = refPath(entityRef, 'dataproduct');
    const response = await this.send(`/governance/products/${path}`);
    // 404 is the backend's answer for a product no evaluation has seen yet.
    if (response.status === 404) {
      return undefined;
    }
    return this.parse(response);
  }

  async getDomainGovernance(
    domainRef: string | CompoundEntityRef,
    options: { days?: number } = {},
  ): Promise<DomainGovernance> {
    const { path } = refPath(domainRef, 'domain');
    // The route is /governance/domains/:namespace/:name: the kind is implied.
    const namespaceAndName = path.slice(path.indexOf('/') + 1);
    return this.call(
      `/governance/domains/${namespaceAndName}${queryString({
        days: options.days,
      })}`,
    );
  }

  async getGovernanceSummary(
    options: { limit?: number; days?: number } = {},
  ): Promise<MeshGovernanceSummary> {
    return this.call(
      `/governance/summary${queryString({
        limit: options.limit,
        days: options.days,
      })}`,
    );
  }

  async getGovernanceStatuses(
    entityRefs: string[],
  ): Promise<Record<string, GovernanceStatus>> {
    // The backend refuses an empty list (400); nothing asked, nothing to tell.
    if (!entityRefs.length) {
      return {};
    }
    const body = await this.call<{
      statuses: Record<string, GovernanceStatus>;
    }>('/governance/statuses', { method: 'POST', body: { entityRefs } });
    return body.statuses;
  }

  async listGovernancePolicies(): Promise<GovernancePolicy[]> {
    const body = await this.call<{ items: GovernancePolicy[] }>(
      '/governance/policies',
    );
    return body.items;
  }

  async getMetricsSummary(query: MetricsQuery = {}): Promise<MetricsSummary> {
    return this.call(`/metrics/summary${queryString({ ...query })}`);
  }

  async getCycleTimeseries(
    query: MetricsQuery & { cycle: Cycle; period?: MetricsPeriod },
  ): Promise<CycleTimeseries> {
    return this.call(`/metrics/timeseries${queryString({ ...query })}`);
  }

  async getReuseTimeseries(
    query: MetricsQuery & { period?: MetricsPeriod } = {},
  ): Promise<ReuseTimeseries> {
    return this.call(`/metrics/reuse/timeseries${queryString({ ...query })}`);
  }

  async exportMetrics(
    query: MetricsQuery & { format: MetricsExportFormat; cycle?: Cycle },
  ): Promise<MetricsExport> {
    const response = await this.send(
      `/metrics/export${queryString({ ...query })}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return {
      blob: await response.blob(),
      fileName: exportFileName(
        response.headers.get('Content-Disposition'),
        query.format,
      ),
    };
  }

  async queryProducts(
    request: MarketplaceQueryRequest,
  ): Promise<MarketplaceProductsResponse> {
    const { term, filters, sort, offset, limit } = request;
    return this.call(
      `/marketplace/products${queryString({
        q: term,
        ...filters,
        sort,
        offset,
        limit,
      })}`,
    );
  }

  private async send(
    path: string,
    init: { method?: 'GET' | 'POST'; body?: unknown } = {},
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('data-marketplace');
    return this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers:
        init.body === undefined
          ? undefined
          : { 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  }

  private async parse<T>(response: Response): Promise<T> {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }

  private async call<T>(
    path: string,
    init: { method?: 'GET' | 'POST'; body?: unknown } = {},
  ): Promise<T> {
    return this.parse<T>(await this.send(path, init));
  }
}
