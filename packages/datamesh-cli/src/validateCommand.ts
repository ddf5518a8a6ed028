import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  describeIssues,
  DescriptorIssue,
  GovernanceResult,
  looksLikeDescriptor,
  PolicyRule,
  readDescriptor,
} from '@datamesh/plugin-data-mesh-common';
import { catalogEntitiesOf } from './catalogEntities';
import { findCandidateFiles } from './findDescriptorFiles';
import { FileEntities, formatGovernance, governFiles } from './governance';

/** The verdict on one file, as `--json` prints it. */
export interface FileVerdict {
  file: string;
  standard?: string;
  declaredVersion?: string;
  validatedAs?: string;
  valid: boolean;
  errors: DescriptorIssue[];
  warnings: DescriptorIssue[];
  /** With --policies: the governance verdict on each data product of the file. */
  governance?: GovernanceResult[];
}

const ERRORS_PER_LINE = 3;

/**
 * Validates every descriptor under the given paths, with the catalog processor's code. With
 * policies, catalog files (groups, domains, products written as entities) are read too, as
 * the governance context, and every data product is checked against the policies.
 */
export function validateFiles(
  paths: string[],
  options: { policies?: PolicyRule[] } = {},
): FileVerdict[] {
  const { files, explicit } = findCandidateFiles(paths);
  const verdicts: FileVerdict[] = [];
  const read: FileEntities[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const descriptor = looksLikeDescriptor(text);
    const entities =
      options.policies && !descriptor ? catalogEntitiesOf(text) : undefined;
    if (entities) {
      read.push({ file, entities });
      continue;
    }
    // In folders, only descriptors are checked; a file named on the command line always is.
    if (!explicit.has(file) && !descriptor) {
      continue;
    }
    const result = readDescriptor(text, {
      sourceLocation: `file:${resolve(file)}`,
    });
    read.push({ file, entities: result.entities });
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
  if (options.policies) {
    const governance = governFiles(read, options.policies);
    for (const [file, results] of governance) {
      const verdict = verdicts.find(v => v.file === file);
      if (verdict) {
        verdict.governance = results;
      } else {
        // Products written as catalog entities have no standard to validate.
        verdicts.push({
          file,
          valid: true,
          errors: [],
          warnings: [],
          governance: results,
        });
      }
    }
  }
  return verdicts;
}

/** Whether the file passes: valid, and no governance rule of severity error fails. */
export function passes(verdict: FileVerdict): boolean {
  return (
    verdict.valid &&
    (verdict.governance ?? []).every(result => result.status !== 'failing')
  );
}

function governanceSummary(results: GovernanceResult[] | undefined): string {
  if (!results) {
    return '';
  }
  const failed = results.flatMap(r => r.results.filter(x => !x.passed));
  const count = (severity: string) =>
    failed.filter(r => r.severity === severity).length;
  if (failed.length === 0) {
    return ', policies passed';
  }
  return `, policies: ${count('error')} error(s), ${count(
    'warning',
  )} warning(s)`;
}

/**
 * One line per file: `ok`, or `invalid` with the first errors and their field paths; with
 * policies, what the policies found, then one indented line per failed rule.
 */
export function formatVerdict(verdict: FileVerdict): string {
  const standard = verdict.standard
    ? ` (${verdict.standard.toUpperCase()} ${verdict.declaredVersion})`
    : '';
  const policyLines = formatGovernance(verdict.governance ?? []);
  const details = policyLines.length ? `\n${policyLines.join('\n')}` : '';
  if (verdict.valid) {
    const warnings = verdict.warnings.length
      ? `, with warnings: ${describeIssues(verdict.warnings, ERRORS_PER_LINE)}`
      : '';
    const word = passes(verdict) ? 'ok     ' : 'failing';
    return `${word}  ${verdict.file}${standard}${warnings}${governanceSummary(
      verdict.governance,
    )}${details}`;
  }
  return `invalid  ${verdict.file}${standard}: ${describeIssues(
    verdict.errors,
    ERRORS_PER_LINE,
  )}`;
}
