import { InputError } from '@backstage/errors';
import { Change, formatChange } from './changes';
import {
  allowsBreakingChanges,
  compareVersions,
  nextBreakingVersion,
  parseVersion,
} from './semver';

/** The changes to one versioned thing (the contract, the product) and its two versions. */
export interface VersionedChanges {
  subject: string;
  /** The descriptor file and field that carries the version. */
  file: string;
  field: string;
  before?: string;
  after?: string;
  changes: Change[];
}

/**
 * The mesh's versioning rule: a breaking change needs a major version bump (a minor one
 * below 1.0.0), and a version never goes backwards. Every violation is listed, with the
 * file and field to change.
 */
export function checkVersions(all: VersionedChanges[]): void {
  const problems: string[] = [];
  for (const item of all) {
    const before = parseVersion(item.before);
    const after = parseVersion(item.after);
    const where = `${item.file}: ${item.field}`;
    if (!before || !after) {
      if (item.changes.some(c => c.breaking)) {
        problems.push(
          `${where}: ${item.subject} has breaking changes, and its versions (${
            item.before ?? 'none'
          } → ${item.after ?? 'none'}) are not semantic versions to compare`,
        );
      }
      continue;
    }
    if (compareVersions(after, before) < 0) {
      problems.push(
        `${where}: ${item.after} is lower than the catalog's ${item.before} for ${item.subject}`,
      );
      continue;
    }
    const broken = item.changes.filter(c => c.breaking);
    if (broken.length > 0 && !allowsBreakingChanges(before, after)) {
      problems.push(
        `${where}: ${item.subject} has breaking changes and goes from ${
          item.before
        } to ${
          item.after
        }; a breaking change needs a major version (${nextBreakingVersion(
          before,
        )} or later):\n${broken
          .map(c => `    - ${formatChange(c)}`)
          .join('\n')}`,
      );
    }
  }
  if (problems.length > 0) {
    throw new InputError(
      `The change breaks the versioning rule:\n${problems
        .map(p => `- ${p}`)
        .join('\n')}`,
    );
  }
}
