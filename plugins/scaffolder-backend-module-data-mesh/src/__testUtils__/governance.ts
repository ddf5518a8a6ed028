import type { Entity } from '@backstage/catalog-model';
import { parsePolicies, PolicyRule } from '@datamesh/plugin-data-mesh-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { demoCatalogEntities } from './demoCatalog';

/** The recommended demo policy set, the data-mesh-common fixture, as the config holds it. */
export const demoPoliciesFile = resolve(
  __dirname,
  '../../../data-mesh-common/src/governance/__fixtures__/demo-policies.yaml',
);

export function demoPolicies(): PolicyRule[] {
  return parsePolicies(parse(readFileSync(demoPoliciesFile, 'utf8')));
}

/** The demo catalog with the Brokerage domain carrying policies of its own. */
export function catalogWithBrokeragePolicies(policies: unknown[]): Entity[] {
  return demoCatalogEntities().map(entity =>
    entity.kind === 'Domain' && entity.metadata.name === 'brokerage'
      ? { ...entity, spec: { ...entity.spec, policies: policies as any } }
      : entity,
  );
}
