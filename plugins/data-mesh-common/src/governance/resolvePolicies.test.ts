import type { Entity } from '@backstage/catalog-model';
import { dataMeshDomainEntityV1alpha1Validator } from '../kinds';
import { evaluateGovernance } from './evaluateGovernance';
import { resolvePolicies } from './resolvePolicies';
import {
  demoMeshEntities,
  demoPolicies,
  editedContract,
  find,
  meshWith,
} from './__testUtils__/demoMesh';

/** The demo's Brokerage domain with policies of its own. */
function brokerageWith(policies: unknown[]): Entity {
  const domain = find(demoMeshEntities(), 'Domain', 'brokerage');
  domain.spec!.policies = policies as any;
  return domain;
}

const PREFIX_RULE = {
  id: 'brokerage/product-prefix',
  type: 'naming-pattern',
  severity: 'error',
  message: 'Brokerage products are named brk-<name>',
  params: { pattern: '^brk-' },
};

describe('federated policies', () => {
  const meshWide = demoPolicies();

  it("adds a domain's rules to the mesh-wide ones, for its own products only", async () => {
    const domain = brokerageWith([PREFIX_RULE]);
    expect(await dataMeshDomainEntityV1alpha1Validator.check(domain)).toBe(
      true,
    );
    const resolved = resolvePolicies(meshWide, domain);
    expect(resolved.refused).toEqual([]);
    expect(resolved.rules.map(r => `${r.id} <- ${r.source}`).slice(-2)).toEqual(
      [
        'mesh/support-channel <- mesh',
        'brokerage/product-prefix <- domain:default/brokerage',
      ],
    );

    const { entities, context } = meshWith(domain);
    const verdict = (name: string) =>
      evaluateGovernance({
        entity: find(entities, 'DataProduct', name),
        policies: meshWide,
        context,
      }).results.filter(r => r.ruleId === 'brokerage/product-prefix');
    expect(verdict('entity-ratings')).toEqual([
      {
        ruleId: 'brokerage/product-prefix',
        severity: 'error',
        passed: false,
        path: 'metadata.name',
        message: 'Brokerage products are named brk-<name>',
      },
    ]);
    expect(verdict('rental-income-forecast')).toEqual([]);
  });

  it('refuses a domain that tries to drop a mesh-wide rule, and the rule still applies', () => {
    const domain = brokerageWith([
      {
        id: 'mesh/sensitive-data-access',
        type: 'sensitive-data-access',
        severity: 'error',
        enabled: false,
      },
    ]);
    expect(resolvePolicies(meshWide, domain).refused).toEqual([
      {
        domain: 'domain:default/brokerage',
        ruleId: 'mesh/sensitive-data-access',
        path: 'spec.policies[0].enabled',
        message:
          'cannot disable mesh-wide rule "mesh/sensitive-data-access": a domain adds rules to the mesh-wide ones and cannot replace, weaken or disable them; the mesh-wide rule still applies. Give the domain rule an id of its own',
      },
    ]);

    // Entity ratings is restricted; without the access policy its contract declares, the
    // rule the domain tried to disable fails it.
    const contractWithoutRoles = editedContract(
      'brokerage/entity-ratings.odcs.yaml',
      odcs => {
        delete odcs.roles;
      },
    );
    const { entities, context } = meshWith(domain, contractWithoutRoles);
    const result = evaluateGovernance({
      entity: find(entities, 'DataProduct', 'entity-ratings'),
      policies: meshWide,
      context,
    });
    expect(result.status).toBe('failing');
    expect(result.results).toContainEqual({
      ruleId: 'domain-policies',
      severity: 'error',
      passed: false,
      message:
        'Fix the policies of domain:default/brokerage: spec.policies[0].enabled: cannot disable mesh-wide rule "mesh/sensitive-data-access": a domain adds rules to the mesh-wide ones and cannot replace, weaken or disable them; the mesh-wide rule still applies. Give the domain rule an id of its own',
    });
    expect(result.results).toContainEqual(
      expect.objectContaining({
        ruleId: 'mesh/sensitive-data-access',
        passed: false,
      }),
    );
  });

  it("refuses lowering a mesh-wide rule's severity, and replacing it under the same id", () => {
    const domain = brokerageWith([
      {
        id: 'mesh/owner-group',
        type: 'owner-group-exists',
        severity: 'warning',
      },
      {
        id: 'MESH/Product-Name',
        type: 'naming-pattern',
        severity: 'error',
        params: { pattern: '.*' },
      },
    ]);
    expect(
      resolvePolicies(meshWide, domain).refused.map(
        r => `${r.path}: ${r.message.split(':')[0]}`,
      ),
    ).toEqual([
      'spec.policies[0].severity: cannot lower mesh-wide rule "mesh/owner-group" from error to warning',
      'spec.policies[1].id: reuses the id of mesh-wide rule "mesh/product-name"',
    ]);
    const resolved = resolvePolicies(meshWide, domain);
    expect(resolved.rules).toHaveLength(meshWide.length);
    expect(resolved.rules.every(r => r.source === 'mesh')).toBe(true);
  });

  it('refuses a domain rule that does not parse or repeats an id, and keeps the others', () => {
    const domain = brokerageWith([
      PREFIX_RULE,
      {
        id: 'brokerage/bad',
        type: 'naming-pattern',
        severity: 'error',
        params: { pattern: '(' },
      },
      { ...PREFIX_RULE, severity: 'warning' },
    ]);
    const resolved = resolvePolicies(meshWide, domain);
    expect(resolved.refused.map(r => `${r.path}: ${r.message}`)).toEqual([
      expect.stringMatching(
        /^spec\.policies\[1\]\.params\.pattern: expected a regular expression/,
      ),
      'spec.policies[2].id: duplicate id "brokerage/product-prefix": the domain has a rule with it already',
    ]);
    expect(
      resolved.rules.filter(r => r.source !== 'mesh').map(r => r.id),
    ).toEqual(['brokerage/product-prefix']);
  });

  it('refuses spec.policies that is no list, and a domain without policies changes nothing', () => {
    expect(
      resolvePolicies(meshWide, brokerageWith('drop everything' as any))
        .refused,
    ).toEqual([
      {
        domain: 'domain:default/brokerage',
        path: 'spec.policies',
        message: 'expected a list of rules; none of them applies',
      },
    ]);
    const plain = find(demoMeshEntities(), 'Domain', 'asset');
    expect(resolvePolicies(meshWide, plain)).toEqual(resolvePolicies(meshWide));
  });
});
