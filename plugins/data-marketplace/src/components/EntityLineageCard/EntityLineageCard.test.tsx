import { screen, within } from '@testing-library/react';
import {
  demoEntities,
  demoEntity,
  InMemoryCatalog,
  renderWithCatalog,
} from '../../__testUtils__';
import { EntityLineageCard } from './EntityLineageCard';

describe('EntityLineageCard', () => {
  it('shows the real lineage of Entity ratings: upstream, outside source, downstream, consumers', async () => {
    const entities = demoEntities({
      consumers: { 'entity-ratings': ['group:default/data-office'] },
    });
    const catalog = new InMemoryCatalog(entities);
    jest.spyOn(catalog, 'getEntitiesByRefs');
    await renderWithCatalog(<EntityLineageCard />, {
      catalog,
      entity: demoEntity(entities, 'dataproduct:default/entity-ratings'),
    });

    const upstream = await screen.findByRole('list', {
      name: 'Upstream products',
    });
    expect(
      within(upstream).getByRole('link', {
        name: /tenancy-analytics|Tenancy analytics/,
      }),
    ).toHaveAttribute('href', '/catalog/default/dataproduct/tenancy-analytics');
    expect(
      within(upstream).getByText('Domain:', { exact: false }),
    ).toBeInTheDocument();
    expect(
      within(upstream).getByRole('link', { name: /brokerage/ }),
    ).toHaveAttribute('href', '/catalog/default/domain/brokerage');

    const downstream = screen.getByRole('list', {
      name: 'Downstream products',
    });
    expect(within(downstream).getAllByRole('listitem')).toHaveLength(1);
    expect(
      within(downstream).getByRole('link', {
        name: /credit-risk-dashboard|Credit risk dashboard/,
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/credit-risk-dashboard',
    );
    expect(
      within(downstream).getByRole('link', { name: /capital-markets/ }),
    ).toBeInTheDocument();

    expect(
      screen.getByText(
        'provider-ratings: Rating provider daily feed (licensed, internal use only)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Consumers (1)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /data-office/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/data-office',
    );
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledTimes(1);
  });

  it('says when an upstream product is not in the catalog, and when nothing reads the product', async () => {
    const entities = demoEntities().filter(
      e => e.metadata.name !== 'tenancy-analytics',
    );
    await renderWithCatalog(<EntityLineageCard />, {
      catalog: new InMemoryCatalog(entities),
      entity: demoEntity(entities, 'dataproduct:default/credit-risk-dashboard'),
    });
    expect(
      await screen.findByText('No data product reads this one.'),
    ).toBeInTheDocument();
    const upstream = screen.getByRole('list', { name: 'Upstream products' });
    expect(within(upstream).getAllByRole('listitem')).toHaveLength(2);

    const lonely = demoEntities();
    const product = demoEntity(lonely, 'dataproduct:default/entity-ratings');
    product.relations = product.relations!.filter(r => r.type !== 'dependsOn');
    (product.spec as any).inputPorts[0].dataProduct =
      'dataproduct:default/vanished';
    await renderWithCatalog(<EntityLineageCard />, {
      catalog: new InMemoryCatalog(lonely),
      entity: product,
    });
    expect(await screen.findByText('Not in the catalog')).toBeInTheDocument();
  });
});
