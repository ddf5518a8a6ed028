import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  describeIssues,
  readDescriptor,
} from '@datamesh/plugin-data-mesh-common';
import { stringify } from 'yaml';

/**
 * The Backstage entities the catalog makes of one descriptor, as a multi-document YAML
 * file; throws with the descriptor's errors when it is invalid.
 */
export function convertFile(file: string): string {
  const result = readDescriptor(readFileSync(file, 'utf8'), {
    sourceLocation: `file:${resolve(file)}`,
  });
  if (result.errors.length > 0) {
    throw new Error(`${file} is invalid: ${describeIssues(result.errors)}`);
  }
  return result.entities
    .map(entity => stringify(entity, { lineWidth: 0 }))
    .join('---\n');
}
