import { InputError } from '@backstage/errors';
import { randomUUID } from 'node:crypto';
import { copyFile, lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

// Not published: the workspace's git metadata, if a step made one.
const SKIPPED = new Set(['.git']);

/**
 * The files of a workspace folder, relative to it. A symbolic link is refused: published
 * files are read by the catalog on the backend's host, so a link could expose any file.
 */
export async function listFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (SKIPPED.has(entry.name)) {
        continue;
      }
      if (entry.isSymbolicLink()) {
        throw new InputError(
          `sourcePath: ${relative(
            root,
            path,
          )} is a symbolic link; the local publisher copies files only`,
        );
      }
      if (entry.isDirectory()) {
        await walk(path);
      } else if (entry.isFile()) {
        files.push(relative(root, path).split(sep).join('/'));
      }
    }
  };
  await walk(root);
  return files.sort();
}

async function copyAll(source: string, target: string, files: string[]) {
  for (const file of files) {
    const to = join(target, file);
    await mkdir(dirname(to), { recursive: true });
    await copyFile(join(source, file), to);
  }
}

/**
 * A new repository: copied into a hidden sibling folder, then renamed into place, so the
 * catalog (which globs the publish folder) never reads a half-written repository.
 */
export async function publishNewFolder(
  source: string,
  target: string,
  files: string[],
): Promise<void> {
  const staging = join(dirname(target), `.staging-${randomUUID()}`);
  await mkdir(staging, { recursive: true });
  try {
    await copyAll(source, staging, files);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A change to a published repository: each file of the change is written beside its old
 * version and renamed over it (atomic per file); files the change does not touch stay.
 */
export async function publishChangedFiles(
  source: string,
  target: string,
  files: string[],
): Promise<void> {
  for (const file of files) {
    const to = join(target, file);
    const existing = await lstat(to).catch(() => undefined);
    if (existing?.isSymbolicLink()) {
      throw new InputError(
        `${file} in the published repository is a symbolic link`,
      );
    }
    await mkdir(dirname(to), { recursive: true });
    const staged = `${to}.staging-${randomUUID()}`;
    await copyFile(join(source, file), staged);
    await rename(staged, to);
  }
}
