import {
  checkRule,
  demoMeshEntities,
  editedContract,
  find,
} from '../__testUtils__/demoMesh';

const RULE = { type: 'sensitive-data-access' };

/** The ODCS role the scaffolder's templates write for a product with an access policy. */
const ownerRole = (approvers: string) => (odcs: any) => {
  odcs.roles = [
    {
      role: 'entity-ratings-consumer',
      access: 'read',
      firstLevelApprovers: approvers,
      description:
        'Brokers and risk analysts; the Brokerage data team approves.',
    },
  ];
};

describe('sensitive-data-access', () => {
  const mesh = demoMeshEntities();
  const ratings = () => find(mesh, 'DataProduct', 'entity-ratings');

  /** Entity ratings' contract as the demo has it, without its access policy (roles). */
  const contractWithoutRoles = () =>
    editedContract('brokerage/entity-ratings.odcs.yaml', odcs => {
      delete odcs.roles;
    });

  it('passes the restricted demo product, whose contract declares a role its owner approves', () => {
    expect(checkRule(RULE, ratings()).results).toEqual([
      expect.objectContaining({ passed: true }),
    ]);
  });

  it('fails the restricted demo product once its contract declares no access role', () => {
    const verdict = checkRule(RULE, ratings(), contractWithoutRoles());
    expect(verdict.results).toEqual([
      {
        ruleId: 'test/rule',
        severity: 'error',
        passed: false,
        path: 'spec.outputPorts',
        message:
          "Declare an access policy that the owner approves: add a role to the product's ODCS contract (roles[]) with firstLevelApprovers: group:default/brokerage-data-team, saying who may be granted access and for what; the product holds personal or restricted data",
      },
    ]);
  });

  it('passes it once its contract has a role the owning group approves (as the templates write it)', () => {
    for (const approvers of [
      'brokerage-data-team',
      'group:default/brokerage-data-team',
    ]) {
      const contract = editedContract(
        'brokerage/entity-ratings.odcs.yaml',
        ownerRole(approvers),
      );
      const verdict = checkRule(RULE, ratings(), contract);
      expect(verdict.results).toEqual([
        expect.objectContaining({ passed: true }),
      ]);
    }
  });

  it('does not count a role approved by someone other than the owner', () => {
    const contract = editedContract(
      'brokerage/entity-ratings.odcs.yaml',
      ownerRole('user:default/tom.nguyen'),
    );
    expect(checkRule(RULE, ratings(), contract).status).toBe('failing');
  });

  it('asks for a restricted classification when the contract holds restricted columns', () => {
    const product = ratings();
    product.spec!.classification = 'internal';
    const contract = editedContract(
      'brokerage/entity-ratings.odcs.yaml',
      ownerRole('brokerage-data-team'),
    );
    const verdict = checkRule(RULE, product, contract);
    expect(verdict.results).toEqual([
      expect.objectContaining({
        passed: false,
        path: 'spec.classification',
        message:
          'Classify the product as restricted (in the ODPS descriptor: the classification custom property (customProperties)): its contract holds personal or restricted data (current_ratings.rating, rating_history.rating)',
      }),
    ]);
  });

  it('treats a confidential product by the classifications param (default: confidential and restricted)', () => {
    const tenancy = find(mesh, 'DataProduct', 'tenancy-analytics');
    expect(checkRule(RULE, tenancy).status).toBe('failing');
    expect(
      checkRule(
        { ...RULE, params: { classifications: ['restricted'] } },
        tenancy,
      ).status,
    ).toBe('passing');
  });

  it('finds personal data flagged in a DCS contract, and says DCS cannot hold roles', () => {
    const contract = editedContract(
      'capital-markets/rental-income-forecast.datacontract.yaml',
      dcs => {
        dcs.models.rental_income_forecast.fields.building_id.pii = true;
      },
    );
    const product = find(mesh, 'DataProduct', 'rental-income-forecast');
    const verdict = checkRule(
      { ...RULE, params: { classifications: ['restricted'] } },
      product,
      contract,
    );
    expect(verdict.results.map(r => r.message)).toEqual([
      expect.stringMatching(
        /^Classify the product as restricted .*\(rental_income_forecast\.building_id\)$/,
      ),
      expect.stringMatching(
        /the product holds personal or restricted data \(its contracts are not ODCS, which alone has roles: publish one in ODCS\)$/,
      ),
    ]);
    const ignoringPii = checkRule(
      { ...RULE, params: { classifications: ['restricted'], pii: false } },
      product,
      contract,
    );
    expect(ignoringPii.status).toBe('passing');
  });

  it('reads a contract API entity that has only its definition, with readDescriptor', () => {
    const contract = find(mesh, 'API', 'entity-ratings-contract');
    delete contract.spec!.dataContract;
    const product = ratings();
    product.spec!.classification = 'public';
    const verdict = checkRule(RULE, product, contract);
    expect(verdict.results[0].message).toMatch(
      /^Classify the product as restricted .*current_ratings\.rating/,
    );
  });
});
