import { demoEntities } from './demoCatalog';

describe('demoEntities', () => {
  it('converts every demo descriptor and links products to their domain and contracts', () => {
    const entities = demoEntities();
    const products = entities.filter(e => e.kind === 'DataProduct');
    expect(products.map(p => p.metadata.name).sort()).toEqual([
      'credit-risk-dashboard',
      'entity-ratings',
      'property-portfolio',
      'rental-income-forecast',
      'tenancy-analytics',
    ]);
    const ratings = products.find(p => p.metadata.name === 'entity-ratings')!;
    expect(ratings.relations).toEqual(
      expect.arrayContaining([
        { type: 'partOf', targetRef: 'domain:default/brokerage' },
        {
          type: 'providesApi',
          targetRef: 'api:default/entity-ratings-contract',
        },
        {
          type: 'dependsOn',
          targetRef: 'dataproduct:default/tenancy-analytics',
        },
      ]),
    );
  });
});
