export { MeshMetricsPage } from './MeshMetricsPage';
export type { MeshMetricsPageProps } from './MeshMetricsPage';
