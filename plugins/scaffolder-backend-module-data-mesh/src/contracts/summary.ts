import { formatChange } from './changes';
import type { VersionedChanges } from './versionRule';

/** The differences as Markdown, for the task log, the template's output and a pull request. */
export function summarise(
  contractRef: string,
  inCatalog: boolean,
  changes: VersionedChanges[],
): string {
  const lines: string[] = inCatalog
    ? []
    : [
        `${contractRef} is a new contract: nothing in the catalog to break.`,
        '',
      ];
  for (const { subject, before, after, changes: list } of changes) {
    lines.push(
      `**${subject}**: ${before ?? '(no version)'} → ${
        after ?? '(no version)'
      }`,
    );
    const broken = list.filter(c => c.breaking);
    const kept = list.filter(c => !c.breaking);
    if (list.length === 0) {
      lines.push('- no changes');
    }
    if (broken.length) {
      lines.push(
        '',
        'Breaking changes:',
        ...broken.map(c => `- ${formatChange(c)}`),
      );
    }
    if (kept.length) {
      lines.push(
        '',
        'Non-breaking changes:',
        ...kept.map(c => `- ${formatChange(c)}`),
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
