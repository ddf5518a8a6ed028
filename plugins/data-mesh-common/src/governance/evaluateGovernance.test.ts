import type { Entity } from '@backstage/catalog-model';
import { createGovernanceContext } from './context';
import { evaluateGovernance, governanceRefsOf } from './evaluateGovernance';
import { parsePolicies } from './parse';
import { resolvePolicies } from './resolvePolicies';
import {
  demoMeshEntities,
  demoPolicies,
  editedContract,
  find,
  meshWith,
} from './__testUtils__/demoMesh';

describe('evaluateGovernance', () => {
  const mesh = demoMeshEntities();
  const context = createGovernanceContext(mesh);
  const policies = demoPolicies();
  const products = mesh.filter(e => e.kind === 'DataProduct');

  it('gives the demo mesh its verdicts under the recommended policies', () => {
    const verdicts = products.map(entity =>
      evaluateGovernance({ entity, policies, context }),
    );
    const summary = Object.fromEntries(
      verdicts.map(v => [
        v.entityRef,
        [
          v.status,
          ...v.results
            .filter(r => !r.passed)
            .map(r => `${r.severity} ${r.ruleId} ${r.path ?? ''}`),
        ],
      ]),
    );
    expect(summary).toEqual({
      'dataproduct:default/tenancy-analytics': ['passing'],
      'dataproduct:default/entity-ratings': ['passing'],
      'dataproduct:default/rental-income-forecast': ['passing'],
      'dataproduct:default/credit-risk-dashboard': [
        'warning',
        'warning mesh/contract-quality spec.outputPorts[0].contract',
      ],
      'dataproduct:default/property-portfolio': [
        'failing',
        'error mesh/required-metadata spec.classification',
        'error mesh/required-metadata spec.sla',
        'error mesh/output-port-contract spec.outputPorts[0].contract',
        'error mesh/output-port-contract spec.outputPorts[1].contract',
      ],
    });
    // Every rule gives a verdict on every product, passed or not.
    const tenancy = verdicts[0];
    expect(tenancy.results.map(r => r.ruleId)).toEqual(policies.map(p => p.id));
  });

  it('fails a restricted demo product once its contract loses its access policy', () => {
    const contract = editedContract(
      'brokerage/entity-ratings.odcs.yaml',
      odcs => {
        delete odcs.roles;
      },
    );
    const { entities, context: edited } = meshWith(contract);
    const verdict = evaluateGovernance({
      entity: find(entities, 'DataProduct', 'entity-ratings'),
      policies,
      context: edited,
    });
    expect(verdict.status).toBe('failing');
    expect(
      verdict.results
        .filter(r => !r.passed)
        .map(r => `${r.severity} ${r.ruleId} ${r.path ?? ''}`),
    ).toEqual(['error mesh/sensitive-data-access spec.outputPorts']);
  });

  it('is warning when only warnings fail', () => {
    const [rule] = parsePolicies([
      { id: 'w', type: 'contract-quality-declared', severity: 'warning' },
    ]);
    const entity = find(mesh, 'DataProduct', 'credit-risk-dashboard');
    expect(
      evaluateGovernance({ entity, policies: [rule], context }).status,
    ).toBe('warning');
  });

  it('applies a rule to its kind and to the entities its selector picks', () => {
    const rules = parsePolicies([
      {
        id: 'aggregates',
        type: 'required-fields',
        severity: 'error',
        appliesTo: { kind: 'DataProduct', selector: 'spec.type=aggregate' },
        params: { fields: ['spec.inputPorts'] },
      },
      {
        id: 'credit',
        type: 'required-fields',
        severity: 'error',
        appliesTo: {
          kind: 'dataproduct',
          selector: {
            'metadata.tags': 'credit',
            'spec.domain': 'domain:brokerage',
          },
        },
        params: { fields: ['spec.usage.license'] },
      },
      {
        id: 'contracts',
        type: 'required-fields',
        severity: 'error',
        appliesTo: { kind: 'API', selector: { 'spec.type': 'data-contract' } },
        params: { fields: ['spec.definition'] },
      },
    ]);
    const applied = (kind: string, name: string) =>
      evaluateGovernance({
        entity: find(mesh, kind, name),
        policies: rules,
        context,
      }).results.map(r => r.ruleId);
    expect(applied('DataProduct', 'entity-ratings')).toEqual([
      'aggregates',
      'credit',
    ]);
    expect(applied('DataProduct', 'rental-income-forecast')).toEqual([
      'aggregates',
    ]);
    expect(applied('DataProduct', 'tenancy-analytics')).toEqual([]);
    expect(applied('API', 'entity-ratings-contract')).toEqual(['contracts']);
    expect(applied('Group', 'data-office')).toEqual([]);
  });

  it("skips a disabled mesh-wide rule and uses a rule's own message", () => {
    const rules = parsePolicies([
      {
        id: 'off',
        type: 'owner-group-exists',
        severity: 'error',
        enabled: false,
      },
      {
        id: 'own-message',
        type: 'required-fields',
        severity: 'error',
        message: 'Describe the product fully before publishing it',
        params: { fields: ['spec.classification'] },
      },
    ]);
    const entity = find(mesh, 'DataProduct', 'property-portfolio');
    expect(
      evaluateGovernance({ entity, policies: rules, context }).results,
    ).toEqual([
      {
        ruleId: 'own-message',
        severity: 'error',
        passed: false,
        path: 'spec.classification',
        message: 'Describe the product fully before publishing it',
      },
    ]);
  });

  it('turns a rule that cannot read an odd entity into a failed result, not a crash', () => {
    const entity = find(mesh, 'DataProduct', 'tenancy-analytics');
    entity.spec!.outputPorts = 'not a list' as any;
    const result = evaluateGovernance({
      entity,
      policies: parsePolicies([
        { id: 'ports', type: 'output-port-contract', severity: 'error' },
      ]),
      context,
    });
    expect(result.results[0]).toMatchObject({
      ruleId: 'ports',
      passed: false,
      message: expect.stringMatching(/^The rule could not check this entity/),
    });
  });

  it('accepts an already resolved policy set', () => {
    const entity = find(mesh, 'DataProduct', 'entity-ratings');
    expect(
      evaluateGovernance({
        entity,
        policies: resolvePolicies(policies),
        context,
      }),
    ).toEqual(evaluateGovernance({ entity, policies, context }));
  });

  it("lists the refs a product's rules look up", () => {
    expect(
      governanceRefsOf(find(mesh, 'DataProduct', 'credit-risk-dashboard')),
    ).toEqual([
      'group:default/capital-markets-data-team',
      'domain:default/capital-markets',
      'dataproduct:default/entity-ratings',
      'dataproduct:default/rental-income-forecast',
      'api:default/credit-risk-exposure-contract',
    ]);
  });

  it('evaluates 10,000 products in a few seconds, with no I/O per rule', () => {
    const many: Entity[] = [];
    for (let i = 0; i < 10_000; i++) {
      const template = products[i % products.length];
      many.push({
        ...template,
        metadata: {
          ...template.metadata,
          name: `${template.metadata.name}-${i}`,
        },
      });
    }
    const big = createGovernanceContext([...mesh, ...many]);
    const started = Date.now();
    const statuses = many.map(
      entity => evaluateGovernance({ entity, policies, context: big }).status,
    );
    const elapsed = Date.now() - started;
    const count = (status: string) => statuses.filter(s => s === status).length;
    // Of the five demo products, three pass, one has a warning and one fails.
    expect({
      passing: count('passing'),
      warning: count('warning'),
      failing: count('failing'),
    }).toEqual({ passing: 6_000, warning: 2_000, failing: 2_000 });
    expect(elapsed).toBeLessThan(10_000);
  });
});
