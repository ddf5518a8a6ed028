import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';

/** The suite's own frontend code: its plugins and the common libraries they bundle. */
const SUITE_CODE =
  /\/plugins\/data-(marketplace|access|access-common|mesh-common)\/src\//;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/**
 * Sizes of a production build of the app (packages/app/dist, built with --stats): all its
 * JavaScript, what the first page load fetches, and the suite's share. The share is the
 * suite's modules' part of each chunk's source, applied to the chunk's minified size (the
 * bundler's stats give source sizes per module, minified sizes per chunk only).
 */
export function measureBundle(dist: string) {
  const stats = JSON.parse(
    readFileSync(join(dist, 'bundle-stats.json'), 'utf8'),
  );
  const fileSize = (name: string) => {
    const bytes = readFileSync(join(dist, name));
    return { raw: bytes.length, gzip: gzipSync(bytes).length };
  };
  let raw = 0;
  let gzip = 0;
  for (const file of readdirSync(join(dist, 'static'))) {
    if (file.endsWith('.js')) {
      const size = fileSize(join('static', file));
      raw += size.raw;
      gzip += size.gzip;
    }
  }
  let initialRaw = 0;
  let initialGzip = 0;
  for (const asset of stats.entrypoints.main.assets) {
    if (asset.name.endsWith('.js')) {
      const size = fileSize(asset.name);
      initialRaw += size.raw;
      initialGzip += size.gzip;
    }
  }

  const suiteSourceByChunk = new Map<string | number, number>();
  let suiteSource = 0;
  for (const module of stats.modules) {
    const path = String(module.nameForCondition ?? module.identifier ?? '');
    if (!SUITE_CODE.test(path)) continue;
    suiteSource += module.size;
    for (const chunk of module.chunks ?? []) {
      suiteSourceByChunk.set(
        chunk,
        (suiteSourceByChunk.get(chunk) ?? 0) + module.size,
      );
    }
  }
  let suiteMinified = 0;
  let suiteInInitial = 0;
  const initialChunks = new Set(stats.entrypoints.main.chunks);
  for (const chunk of stats.chunks) {
    const share = suiteSourceByChunk.get(chunk.id);
    if (!share) continue;
    const jsFiles: string[] = chunk.files.filter((f: string) =>
      f.endsWith('.js'),
    );
    const minified = jsFiles.reduce((sum, f) => sum + fileSize(f).raw, 0);
    const estimate = (minified * share) / Math.max(chunk.size, 1);
    suiteMinified += estimate;
    if (initialChunks.has(chunk.id)) suiteInInitial += estimate;
  }
  return {
    raw,
    gzip,
    initialRaw,
    initialGzip,
    suiteSource,
    suiteMinified,
    summary: [
      `all JavaScript ${kib(raw)} (gzip ${kib(gzip)}); first load ${kib(
        initialRaw,
      )} (gzip ${kib(initialGzip)})`,
      `the suite's own frontend code: ${kib(
        suiteSource,
      )} of source, about ${kib(suiteMinified)} minified, of which ${kib(
        suiteInInitial,
      )} in the first load`,
    ].join('\n  '),
  };
}
