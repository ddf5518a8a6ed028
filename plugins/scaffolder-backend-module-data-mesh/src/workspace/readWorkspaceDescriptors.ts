import { lstat, readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import {
  DEFAULT_MAX_DESCRIPTOR_BYTES,
  DescriptorReadResult,
  looksLikeDescriptor,
  parseDescriptor,
  readDescriptor,
} from '@datamesh/plugin-data-mesh-common';

/** One descriptor file of a product repository, and what the suite makes of it. */
export interface WorkspaceDescriptor {
  /** Relative to the repository root, with `/` separators. */
  file: string;
  result: DescriptorReadResult;
  /** The parsed document, when it could be parsed. */
  document?: unknown;
}

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
// Build output and dependencies are not the team's descriptors.
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'target']);

async function candidateFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string) => {
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) {
        await walk(path);
      } else if (entry.isFile() && EXTENSIONS.has(extname(entry.name))) {
        found.push(path);
      }
    }
  };
  await walk(root);
  return found;
}

/**
 * Reads every descriptor in a repository folder, as the `datamesh validate` CLI and the
 * catalog module do: files are recognised by content, and read with readDescriptor.
 * Symbolic links are not followed, so a repository cannot make the backend read outside it.
 */
export async function readWorkspaceDescriptors(
  root: string,
  maxBytes = DEFAULT_MAX_DESCRIPTOR_BYTES,
): Promise<WorkspaceDescriptor[]> {
  const descriptors: WorkspaceDescriptor[] = [];
  for (const path of await candidateFiles(root)) {
    const file = relative(root, path).split(sep).join('/');
    if ((await lstat(path)).size > maxBytes) {
      descriptors.push({
        file,
        result: {
          entities: [],
          errors: [
            { path: '', message: `larger than the ${maxBytes} bytes allowed` },
          ],
          warnings: [],
          failedAt: 'read',
        },
      });
      continue;
    }
    const text = await readFile(path, 'utf8');
    if (!looksLikeDescriptor(text)) {
      continue;
    }
    const result = readDescriptor(text, { sourceLocation: `file:${path}` });
    if (result.failedAt === 'recognise') {
      continue;
    }
    let document: unknown;
    if (result.failedAt !== 'read') {
      document = parseDescriptor(text);
    }
    descriptors.push({ file, result, document });
  }
  return descriptors;
}
