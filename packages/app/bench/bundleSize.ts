import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';

/** The suite's own frontend code: its plugins and the common libraries they bundle. */
const SUITE_CODE =
  /\/plugins\/data-(marketplace|access|access-common|mesh-common)\/src\//;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/**
 * Sizes of a production build of the app (packages/app/dist): all its JavaScript and what
 * the first page load fetches; with bundle stats (a build with --stats), also the suite's
 * share, estimated from its modules' part of each chunk's source (the bundler's stats give
 * source sizes per module, minified sizes per chunk only).
 */
export function measureBundle(dist: string) {
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
  // What the first page load fetches: the scripts index.html names.
  let initialRaw = 0;
  let initialGzip = 0;
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  for (const [, src] of html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)) {
    const size = fileSize(src);
    initialRaw += size.raw;
    initialGzip += size.gzip;
  }
  const lines = [
    `all JavaScript ${kib(raw)} (gzip ${kib(gzip)}); first load ${kib(
      initialRaw,
    )} (gzip ${kib(initialGzip)})`,
  ];
  const statsFile = join(dist, 'bundle-stats.json');
  if (existsSync(statsFile)) {
    lines.push(suiteShare(dist, JSON.parse(readFileSync(statsFile, 'utf8'))));
  }
  return { raw, gzip, initialRaw, initialGzip, summary: lines.join('\n  ') };
}

/** The suite's modules' part of each chunk's source, applied to the chunk's minified size. */
function suiteShare(dist: string, stats: any): string {
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
  for (const chunk of stats.chunks) {
    const share = suiteSourceByChunk.get(chunk.id);
    if (!share) continue;
    const minified = chunk.files
      .filter((f: string) => f.endsWith('.js'))
      .reduce(
        (sum: number, f: string) => sum + statSync(join(dist, f)).size,
        0,
      );
    suiteMinified += (minified * share) / Math.max(chunk.size, 1);
  }
  return `the suite's own frontend code: ${kib(
    suiteSource,
  )} of source, about ${kib(suiteMinified)} minified`;
}
