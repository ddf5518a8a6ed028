import type { Entity } from '@backstage/catalog-model';
import { readDescriptor } from '@datamesh/plugin-data-mesh-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The repository's demo catalog (catalog-info/), which the tests read as it is. */
export const demoCatalogDir = resolve(__dirname, '../../../../catalog-info');

function entitiesOfYaml(file: string): Entity[] {
  return parseAllDocuments(readFileSync(resolve(demoCatalogDir, file), 'utf8'))
    .map(doc => doc.toJS() as Entity)
    .filter(Boolean);
}

function entitiesOfDescriptor(file: string): Entity[] {
  const path = resolve(demoCatalogDir, file);
  const result = readDescriptor(readFileSync(path, 'utf8'), {
    sourceLocation: `file:${path}`,
  });
  if (result.errors.length > 0) {
    throw new Error(`demo descriptor ${file} is invalid`);
  }
  return result.entities;
}

/**
 * The Premium Offices organisation, domains, and three products with their contracts, as the
 * catalog module makes them of the demo descriptors: what the unit tests' catalog holds.
 */
export function demoCatalogEntities(): Entity[] {
  return [
    ...entitiesOfYaml('org.yaml'),
    ...entitiesOfYaml('domains.yaml'),
    ...entitiesOfDescriptor('brokerage/tenancy-analytics.odps.yaml'),
    ...entitiesOfDescriptor('brokerage/tenancy-analytics.odcs.yaml'),
    ...entitiesOfDescriptor('brokerage/entity-ratings.odps.yaml'),
    ...entitiesOfDescriptor('brokerage/entity-ratings.odcs.yaml'),
    ...entitiesOfDescriptor('capital-markets/rental-income-forecast.odps.yaml'),
    ...entitiesOfDescriptor(
      'capital-markets/rental-income-forecast.datacontract.yaml',
    ),
  ];
}
