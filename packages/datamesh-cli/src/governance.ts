import {
  createGovernanceContext,
  evaluateGovernance,
  GovernanceResult,
  isDataProductEntity,
  PolicyRule,
  policiesFromDocument,
} from '@datamesh/plugin-data-mesh-common';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Entity } from './catalogEntities';

/**
 * The rules of a `--policies` file: a list of rules (the value of the app-config key
 * datamesh.governance.policies), `{ policies: [...] }`, or an app-config.yaml with the key.
 */
export function readPoliciesFile(file: string): PolicyRule[] {
  return policiesFromDocument(parse(readFileSync(file, 'utf8')));
}

/** The entities one file gave: converted from a descriptor, or read from a catalog file. */
export interface FileEntities {
  file: string;
  entities: Entity[];
}

/**
 * Runs the governance engine on every DataProduct of the files, with all the files'
 * entities (groups, domains, products, contracts) as the context: the same engine and the
 * same verdicts as the scaffolder action and the catalog's.
 */
export function governFiles(
  files: FileEntities[],
  policies: PolicyRule[],
): Map<string, GovernanceResult[]> {
  const context = createGovernanceContext(files.flatMap(f => f.entities));
  const byFile = new Map<string, GovernanceResult[]>();
  for (const { file, entities } of files) {
    const results = entities
      .filter(isDataProductEntity)
      .map(entity => evaluateGovernance({ entity, policies, context }));
    if (results.length > 0) {
      byFile.set(file, results);
    }
  }
  return byFile;
}

/** The failed results, one indented line each: `  error    rule-id  path: message`. */
export function formatGovernance(results: GovernanceResult[]): string[] {
  return results.flatMap(result =>
    result.results
      .filter(r => !r.passed)
      .map(
        r =>
          `  ${r.severity.padEnd(8)} ${r.ruleId}  ${result.entityRef}${
            r.path ? ` ${r.path}` : ''
          }: ${r.message}`,
      ),
  );
}
