import type { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { readDescriptor } from '../../descriptors/readDescriptor';
import { createGovernanceContext } from '../context';
import { evaluateGovernance } from '../evaluateGovernance';
import { parsePolicies } from '../parse';
import type { PolicyRule } from '../schema';

/** The repository's demo catalog, read as it is. */
export const demoCatalogDir = resolve(__dirname, '../../../../../catalog-info');

export const DEMO_DESCRIPTORS = [
  'brokerage/tenancy-analytics.odps.yaml',
  'brokerage/tenancy-analytics.odcs.yaml',
  'brokerage/entity-ratings.odps.yaml',
  'brokerage/entity-ratings.odcs.yaml',
  'capital-markets/rental-income-forecast.odps.yaml',
  'capital-markets/rental-income-forecast.datacontract.yaml',
  'capital-markets/credit-risk-dashboard.odps.yaml',
  'capital-markets/credit-risk-exposure.odcs.yaml',
  'asset/property-portfolio.dpd.json',
];

function entitiesOfYaml(file: string): Entity[] {
  return parseAllDocuments(readFileSync(join(demoCatalogDir, file), 'utf8'))
    .map(doc => doc.toJS() as Entity)
    .filter(Boolean);
}

function entitiesOfDescriptor(file: string): Entity[] {
  const result = readDescriptor(
    readFileSync(join(demoCatalogDir, file), 'utf8'),
  );
  if (result.errors.length > 0) {
    throw new Error(`demo descriptor ${file} is invalid`);
  }
  return result.entities;
}

/** The demo mesh as the catalog module makes it: org, domains, products, contracts. */
export function demoMeshEntities(): Entity[] {
  return [
    ...entitiesOfYaml('org.yaml'),
    ...entitiesOfYaml('domains.yaml'),
    ...DEMO_DESCRIPTORS.flatMap(entitiesOfDescriptor),
  ];
}

export const demoPoliciesFile = resolve(
  __dirname,
  '../__fixtures__/demo-policies.yaml',
);

/** The recommended demo policy set (the fixture), parsed. */
export function demoPolicies(): PolicyRule[] {
  return parsePolicies(parse(readFileSync(demoPoliciesFile, 'utf8')));
}

/** The entity of this kind and name, deep-copied so a test can change it. */
export function find(entities: Entity[], kind: string, name: string): Entity {
  const found = entities.find(e => e.kind === kind && e.metadata.name === name);
  if (!found) {
    throw new Error(`no ${kind} ${name} in the demo mesh`);
  }
  return JSON.parse(JSON.stringify(found));
}

/**
 * The demo mesh with some entities replaced (same kind and name) or added, as the context
 * a rule reads; `entity` is the changed product, for evaluating.
 */
export function meshWith(...changed: Entity[]) {
  const key = (e: Entity) => `${e.kind}:${e.metadata.name}`;
  const keys = new Set(changed.map(key));
  const entities = [
    ...demoMeshEntities().filter(e => !keys.has(key(e))),
    ...changed,
  ];
  return { entities, context: createGovernanceContext(entities) };
}

/** A single rule, parsed as config would be. */
export function rule(raw: Record<string, unknown>): PolicyRule {
  return parsePolicies([{ id: 'test/rule', severity: 'error', ...raw }])[0];
}

/** One rule's verdict on a product of the demo mesh, with `others` replaced in the mesh. */
export function checkRule(
  raw: Record<string, unknown>,
  entity: Entity,
  ...others: Entity[]
) {
  const { context } = meshWith(entity, ...others);
  return evaluateGovernance({ entity, policies: [rule(raw)], context });
}

/** A contract API entity re-read from its ODCS/DCS text after `edit` changed the document. */
export function editedContract(
  file: string,
  edit: (document: any) => void,
): Entity {
  const document = parse(readFileSync(join(demoCatalogDir, file), 'utf8'));
  edit(document);
  const result = readDescriptor(stringify(document));
  if (result.errors.length > 0) {
    throw new Error(
      `edited ${file} is invalid: ${JSON.stringify(result.errors)}`,
    );
  }
  return result.entities[0];
}
