import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { dataMarketplaceApiRef } from '../../api';
import type { MetricsFilters } from './useMetricsFilters';

/**
 * The metrics of the selected domain (or the mesh): the summary, which does not depend on
 * the period, and the time series, which do; apart so a period change reloads only those.
 */
export function useMeshMetrics(filters: MetricsFilters) {
  const api = useApi(dataMarketplaceApiRef);
  const { domain, period } = filters;
  const summary = useAsync(
    () => api.getMetricsSummary({ domain }),
    [api, domain],
  );
  const series = useAsync(async () => {
    const [cycle1, cycle2, cycle3, reuse] = await Promise.all([
      api.getCycleTimeseries({ cycle: 1, period, domain }),
      api.getCycleTimeseries({ cycle: 2, period, domain }),
      api.getCycleTimeseries({ cycle: 3, period, domain }),
      api.getReuseTimeseries({ period, domain }),
    ]);
    return { cycles: [cycle1, cycle2, cycle3], cycle3, reuse };
  }, [api, domain, period]);
  return { summary, series };
}
