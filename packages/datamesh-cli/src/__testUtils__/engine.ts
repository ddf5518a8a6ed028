import {
  createGovernanceContext,
  evaluateGovernance,
  GovernanceResult,
  isDataProductEntity,
  looksLikeDescriptor,
  policiesFromDocument,
  readDescriptor,
} from '@datamesh/plugin-data-mesh-common';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The engine's verdicts on the data products of a folder, computed here without the CLI:
 * descriptors through readDescriptor, catalog files as they are, all of them the context.
 */
export function engineVerdicts(
  dir: string,
  policiesFile: string,
): GovernanceResult[] {
  const entities = filesUnder(dir).flatMap(file => {
    const text = readFileSync(file, 'utf8');
    return looksLikeDescriptor(text)
      ? readDescriptor(text, { sourceLocation: `file:${resolve(file)}` })
          .entities
      : parseAllDocuments(text).map(doc => doc.toJS());
  });
  const policies = policiesFromDocument(
    parse(readFileSync(policiesFile, 'utf8')),
  );
  const context = createGovernanceContext(entities);
  return entities
    .filter(isDataProductEntity)
    .map(entity => evaluateGovernance({ entity, policies, context }));
}
