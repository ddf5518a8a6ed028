import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  describeIssues,
  DescriptorIssue,
  looksLikeDescriptor,
  readDescriptor,
} from '@datamesh/plugin-data-mesh-common';
import { findCandidateFiles } from './findDescriptorFiles';

/** The verdict on one file, as `--json` prints it. */
export interface FileVerdict {
  file: string;
  standard?: string;
  declaredVersion?: string;
  validatedAs?: string;
  valid: boolean;
  errors: DescriptorIssue[];
  warnings: DescriptorIssue[];
}

const ERRORS_PER_LINE = 3;

/** Validates every descriptor under the given paths, with the catalog processor's code. */
export function validateFiles(paths: string[]): FileVerdict[] {
  const { files, explicit } = findCandidateFiles(paths);
  const verdicts: FileVerdict[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // In folders, only descriptors are checked; a file named on the command line always is.
    if (!explicit.has(file) && !looksLikeDescriptor(text)) {
      continue;
    }
    const result = readDescriptor(text, {
      sourceLocation: `file:${resolve(file)}`,
    });
    verdicts.push({
      file,
      standard: result.detected?.standard,
      declaredVersion: result.detected?.declaredVersion,
      validatedAs: result.validation?.validatedAs,
      valid: result.errors.length === 0,
      errors: result.errors,
      warnings: result.warnings,
    });
  }
  return verdicts;
}

/** One line per file: `ok`, or `invalid` with the first errors and their field paths. */
export function formatVerdict(verdict: FileVerdict): string {
  const standard = verdict.standard
    ? ` (${verdict.standard.toUpperCase()} ${verdict.declaredVersion})`
    : '';
  if (verdict.valid) {
    const warnings = verdict.warnings.length
      ? `, with warnings: ${describeIssues(verdict.warnings, ERRORS_PER_LINE)}`
      : '';
    return `ok       ${verdict.file}${standard}${warnings}`;
  }
  return `invalid  ${verdict.file}${standard}: ${describeIssues(
    verdict.errors,
    ERRORS_PER_LINE,
  )}`;
}
