import type { Config } from '@backstage/config';
import { readDurationFromConfig } from '@backstage/config';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export interface LocalPublisherConfig {
  /** Absolute folder the repositories are published into, one sub-folder each. */
  directory: string;
  /** How long a publish waits for the product to show in the catalog. */
  visibilityTimeoutMs: number;
}

const CONFIG_KEY = 'datamesh.scaffolder.localPublisher';
const DEFAULT_TIMEOUT_MS = 30_000;

/** The monorepo root above `from` (the folder whose package.json has workspaces), if any. */
export function findRepoRoot(from: string): string | undefined {
  let folder = resolve(from);
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      try {
        if (JSON.parse(readFileSync(manifest, 'utf8')).workspaces) {
          return folder;
        }
      } catch {
        // not a readable manifest: keep looking upwards
      }
    }
    const parent = dirname(folder);
    if (parent === folder) {
      return undefined;
    }
    folder = parent;
  }
}

/**
 * The demo publisher's settings. A relative `directory` is resolved from the backend's
 * working folder, like the catalog's file locations; without one, repositories go to
 * `data/published` at the root of the monorepo the backend runs in.
 */
export function readLocalPublisherConfig(
  config: Config,
  cwd = process.cwd(),
): LocalPublisherConfig {
  const section = config.getOptionalConfig(CONFIG_KEY);
  const configured = section?.getOptionalString('directory');
  const directory = configured
    ? resolve(cwd, configured)
    : join(findRepoRoot(cwd) ?? cwd, 'data', 'published');
  const timeout = section?.has('visibilityTimeout')
    ? readDurationFromConfig(section, { key: 'visibilityTimeout' })
    : undefined;
  const visibilityTimeoutMs = timeout
    ? (((timeout.days ?? 0) * 24 + (timeout.hours ?? 0)) * 3600 +
        (timeout.minutes ?? 0) * 60 +
        (timeout.seconds ?? 0)) *
        1000 +
      (timeout.milliseconds ?? 0)
    : DEFAULT_TIMEOUT_MS;
  if (!isAbsolute(directory)) {
    throw new Error(`${CONFIG_KEY}.directory must resolve to an absolute path`);
  }
  return { directory, visibilityTimeoutMs };
}
