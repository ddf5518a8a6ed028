import { checkRule, demoMeshEntities, find } from '../__testUtils__/demoMesh';

const RULE = { type: 'owner-group-exists' };

describe('owner-group-exists', () => {
  const mesh = demoMeshEntities();
  const owned = (owner: string) => {
    const product = find(mesh, 'DataProduct', 'entity-ratings');
    product.spec!.owner = owner;
    return product;
  };

  it('passes every demo product: each is owned by a group of org.yaml', () => {
    for (const product of mesh.filter(e => e.kind === 'DataProduct')) {
      expect(checkRule(RULE, product).results).toEqual([
        expect.objectContaining({
          passed: true,
          message: 'The owner is a group in the catalog',
        }),
      ]);
    }
  });

  it('fails a person as owner', () => {
    expect(
      checkRule(RULE, owned('user:default/marie.dubois')).results[0],
    ).toEqual({
      ruleId: 'test/rule',
      severity: 'error',
      passed: false,
      path: 'spec.owner',
      message:
        'Make a group the owner (in the ODPS descriptor: the owner custom property (customProperties)): user:default/marie.dubois is a user, and a team, not a person, owns a product and decides on its access requests',
    });
  });

  it("fails a group the catalog does not have, and the converter's unknown owner", () => {
    expect(
      checkRule(RULE, owned('group:default/ghosts')).results[0].message,
    ).toBe(
      'Fix the owner (in the ODPS descriptor: the owner custom property (customProperties)): there is no group group:default/ghosts in the catalog; name an existing group or register it',
    );
    expect(checkRule(RULE, owned('unknown')).results[0].message).toMatch(
      /^Set spec\.owner to the group that owns the product/,
    );
  });

  it('checks other kinds too, e.g. the contracts (API entities)', () => {
    const contract = find(mesh, 'API', 'entity-ratings-contract');
    const verdict = checkRule(
      { ...RULE, appliesTo: { kind: 'API' } },
      contract,
    );
    expect(verdict).toMatchObject({
      entityRef: 'api:default/entity-ratings-contract',
      status: 'passing',
    });
  });
});
