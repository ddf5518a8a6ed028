/**
 * Mesh metrics: reuse and the three cycle times (creating, updating and consuming a data
 * product), collected on a schedule and served under /metrics. See README, "Mesh metrics".
 */
export { createMetrics, type MetricsDeps } from './createMetrics';
export { createMetricsRouter, type MetricsRouterOptions } from './router';
export {
  METRICS_TASK_ID,
  MetricsCollector,
  type CollectionReport,
  type MetricsCollectorOptions,
} from './MetricsCollector';
export { DatabaseMetricsStore } from './DatabaseMetricsStore';
export type {
  CycleEventFilter,
  MetricsStore,
  ReuseSnapshotFilter,
} from './MetricsStore';
export { readMetricsSettings, type MetricsSettings } from './config';
export type {
  Cycle,
  CycleEvent,
  Period,
  ReuseSnapshotRow,
  VersionSighting,
} from './types';
