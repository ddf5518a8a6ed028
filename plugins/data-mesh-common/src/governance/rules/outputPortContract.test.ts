import type { Entity } from '@backstage/catalog-model';
import { createGovernanceContext } from '../context';
import { evaluateGovernance } from '../evaluateGovernance';
import {
  checkRule,
  demoMeshEntities,
  find,
  rule,
} from '../__testUtils__/demoMesh';

const RULE = { type: 'output-port-contract' };

describe('output-port-contract', () => {
  const mesh = demoMeshEntities();

  it('passes demo products whose ports name contracts the catalog has', () => {
    for (const name of [
      'tenancy-analytics',
      'entity-ratings',
      'rental-income-forecast',
      'credit-risk-dashboard',
    ]) {
      const verdict = checkRule(RULE, find(mesh, 'DataProduct', name));
      expect(verdict.results).toEqual([
        expect.objectContaining({
          passed: true,
          message: 'Every output port has a contract',
        }),
      ]);
    }
  });

  it('fails the DPDS demo product, whose ports have no contract, port by port', () => {
    const verdict = checkRule(
      RULE,
      find(mesh, 'DataProduct', 'property-portfolio'),
    );
    expect(verdict.results.map(r => [r.passed, r.path, r.message])).toEqual([
      [
        false,
        'spec.outputPorts[0].contract',
        "Give output port buildings a contract: write an ODCS or DCS contract for it and name its id as the port's contractId",
      ],
      [
        false,
        'spec.outputPorts[1].contract',
        "Give output port units a contract: write an ODCS or DCS contract for it and name its id as the port's contractId",
      ],
    ]);
  });

  it('fails a contract the catalog does not have, unless resolvable is false', () => {
    const product = find(mesh, 'DataProduct', 'tenancy-analytics');
    const withoutContract = createGovernanceContext(
      mesh.filter(e => e.metadata.name !== 'tenancy-analytics-contract'),
    );
    const strict = evaluateGovernance({
      entity: product,
      policies: [rule(RULE)],
      context: withoutContract,
    });
    expect(strict.results[0]).toMatchObject({
      passed: false,
      path: 'spec.outputPorts[0].contract',
      message: expect.stringMatching(
        /^Register the contract of output port leases-by-month: api:default\/tenancy-analytics-contract is not in the catalog/,
      ),
    });
    const lenient = evaluateGovernance({
      entity: product,
      policies: [rule({ ...RULE, params: { resolvable: false } })],
      context: withoutContract,
    });
    expect(lenient.status).toBe('passing');
  });

  it('fails a product with no output port, and ignores management ports', () => {
    const product = find(mesh, 'DataProduct', 'tenancy-analytics');
    product.spec!.outputPorts = [
      {
        name: 'observability',
        type: 'api',
        details: { portKind: 'management' },
      },
    ];
    const verdict = checkRule(RULE, product);
    expect(verdict.results).toEqual([
      expect.objectContaining({
        passed: false,
        path: 'spec.outputPorts',
        message: expect.stringMatching(/^Add an output port/),
      }),
    ]);
    const optional = checkRule(
      { ...RULE, params: { requirePorts: false } },
      product,
    );
    expect(optional.status).toBe('passing');
  });

  it('counts an entity of another kind under the contract ref as missing', () => {
    const product = find(mesh, 'DataProduct', 'entity-ratings');
    (product.spec!.outputPorts as any[])[0].contract =
      'group:default/data-office';
    const verdict = checkRule(RULE, product as Entity);
    expect(verdict.results[0]).toMatchObject({
      passed: false,
      path: 'spec.outputPorts[0].contract',
    });
  });
});
