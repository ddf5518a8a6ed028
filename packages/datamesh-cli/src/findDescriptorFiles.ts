import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const DESCRIPTOR_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist']);

/**
 * The files to look at for each argument: a file as given, a folder walked for YAML and
 * JSON files (sorted, so output is stable). Which of them are descriptors is decided by
 * their content, not their name.
 */
export function findCandidateFiles(paths: string[]): {
  files: string[];
  explicit: Set<string>;
} {
  const files: string[] = [];
  const explicit = new Set<string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        if (!SKIPPED_FOLDERS.has(name)) {
          walk(path);
        }
      } else if (DESCRIPTOR_EXTENSIONS.has(extname(name).toLowerCase())) {
        files.push(path);
      }
    }
  };
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      walk(path);
    } else {
      files.push(path);
      explicit.add(path);
    }
  }
  return { files, explicit };
}
