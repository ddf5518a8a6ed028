import { demoEntities } from './demoCatalog';
import { InMemoryCatalog } from './InMemoryCatalog';

// The test catalog must behave as the catalog backend on what the marketplace relies on,
// or the marketplace tests would prove nothing.
describe('InMemoryCatalog', () => {
  const catalog = new InMemoryCatalog(demoEntities());
  const names = (items: Array<{ metadata: { name: string } }>) =>
    items.map(item => item.metadata.name).sort();

  it('matches keys and values whatever their case, AND across keys, OR within a key', async () => {
    const { items } = await catalog.queryEntities({
      filter: {
        kind: 'dataproduct',
        'spec.outputPorts.type': ['sql-view', 'TABLE'],
        'spec.domain': 'domain:default/brokerage',
      },
    });
    expect(names(items)).toEqual(['entity-ratings', 'tenancy-analytics']);
  });

  it('searches the listed fields only, and not values longer than 200 characters', async () => {
    const byTag = await catalog.queryEntities({
      filter: { kind: 'DataProduct' },
      fullTextFilter: { term: 'LEI', fields: ['metadata.tags'] },
    });
    expect(names(byTag.items)).toEqual(['entity-ratings']);
    // Entity ratings' purpose says "rents from us" but runs past 200 characters.
    const byLongPurpose = await catalog.queryEntities({
      filter: { kind: 'DataProduct' },
      fullTextFilter: {
        term: 'rents from us',
        fields: ['spec.description.purpose'],
      },
    });
    expect(byLongPurpose.items).toEqual([]);
  });

  it('orders by the first field only and leaves out entities without it', async () => {
    const withTitle = await catalog.queryEntities({
      filter: { kind: 'Domain' },
      orderFields: [{ field: 'metadata.title', order: 'desc' }],
    });
    expect(withTitle.items.map(e => e.metadata.title)).toEqual([
      'Capital Markets',
      'Brokerage',
      'Asset',
    ]);
    const withoutField = await catalog.queryEntities({
      filter: { kind: 'Domain' },
      orderFields: [
        { field: 'metadata.annotations.datamesh/listed-at', order: 'asc' },
      ],
    });
    expect(withoutField.totalItems).toBe(0);
  });

  it('counts facet values once per entity, under the filter', async () => {
    const { facets } = await catalog.getEntityFacets({
      filter: { kind: 'DataProduct' },
      facets: ['spec.outputPorts.type'],
    });
    // Tenancy analytics has two SQL view ports and counts once.
    expect(facets['spec.outputPorts.type']).toEqual([
      { value: 'sql-view', count: 2 },
      { value: 'table', count: 4 },
      { value: 'other', count: 1 },
    ]);
  });
});
