import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { MetricsPeriod } from '../../api';

export interface MetricsFilters {
  /** A lower case domain ref (`domain:default/brokerage`); undefined for the whole mesh. */
  domain?: string;
  period: MetricsPeriod;
}

/** The filters live in the URL (`?domain=...&period=month`), so a view can be shared. */
export function useMetricsFilters(): [
  MetricsFilters,
  (change: Partial<MetricsFilters>) => void,
] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<MetricsFilters>(
    () => ({
      domain: params.get('domain') || undefined,
      period: params.get('period') === 'month' ? 'month' : 'week',
    }),
    [params],
  );
  const update = useCallback(
    (change: Partial<MetricsFilters>) =>
      setParams(current => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change)) {
          if (value) {
            next.set(key, value);
          } else {
            next.delete(key);
          }
        }
        return next;
      }),
    [setParams],
  );
  return [filters, update];
}
