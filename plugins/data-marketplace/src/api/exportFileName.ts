import type { MetricsExportFormat } from './types';

/**
 * The file name the backend gave the export (`attachment; filename="mesh-metrics-2026-11-20.csv"`),
 * or `mesh-metrics-<today>.<format>` when the header is missing or unreadable: a backend on
 * another origin must list Content-Disposition in its CORS exposed headers for the browser to
 * show it. Only a plain name is kept, so the header cannot point the save anywhere else.
 */
export function exportFileName(
  contentDisposition: string | null,
  format: MetricsExportFormat,
  today: Date = new Date(),
): string {
  const fallback = `mesh-metrics-${today.toISOString().slice(0, 10)}.${format}`;
  if (!contentDisposition) {
    return fallback;
  }
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(contentDisposition);
  const quoted = /filename\s*=\s*"([^"]+)"/i.exec(contentDisposition);
  const bare = /filename\s*=\s*([^;"\s]+)/i.exec(contentDisposition);
  let name: string | undefined;
  try {
    name = encoded ? decodeURIComponent(encoded[1]) : undefined;
  } catch {
    name = undefined;
  }
  name = name ?? quoted?.[1] ?? bare?.[1];
  const plain = name?.split(/[\\/]/).pop()?.trim();
  return plain && !plain.startsWith('.') ? plain : fallback;
}
