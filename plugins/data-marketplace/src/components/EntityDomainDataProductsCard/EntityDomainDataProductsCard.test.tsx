import { screen, within } from '@testing-library/react';
import {
  demoEntities,
  demoEntity,
  InMemoryCatalog,
  renderWithCatalog,
} from '../../__testUtils__';
import { EntityDomainDataProductsCard } from './EntityDomainDataProductsCard';

describe('EntityDomainDataProductsCard', () => {
  it('lists the Brokerage domain’s real products with owner, lifecycle and consumers', async () => {
    const entities = demoEntities({
      consumers: {
        'entity-ratings': [
          'group:default/data-office',
          'group:default/capital-markets-data-team',
        ],
      },
    });
    const catalog = new InMemoryCatalog(entities);
    jest.spyOn(catalog, 'queryEntities');
    await renderWithCatalog(<EntityDomainDataProductsCard />, {
      catalog,
      entity: demoEntity(entities, 'domain:default/brokerage'),
      mountMarketplace: true,
    });

    const table = await screen.findByRole('table', {
      name: 'Data products of the domain',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(row => within(row).getAllByRole('cell')[0].textContent),
    ).toEqual(['Entity ratings', 'Tenancy analytics']);
    const cells = within(rows[0]).getAllByRole('cell');
    expect(within(cells[0]).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/entity-ratings',
    );
    expect(cells[1]).toHaveTextContent('brokerage-data-team');
    expect(cells[2]).toHaveTextContent('Production');
    expect(cells[3]).toHaveTextContent('Restricted');
    expect(cells[4]).toHaveTextContent('2');
    expect(screen.getByText('2 data products')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Browse in the marketplace/ }),
    ).toHaveAttribute(
      'href',
      '/data-marketplace?domain=domain%3Adefault%2Fbrokerage',
    );

    const request = (catalog.queryEntities as jest.Mock).mock.calls[0][0];
    expect(request.filter).toEqual([
      {
        kind: 'DataProduct',
        'spec.domain': [
          'domain:default/brokerage',
          'domain:brokerage',
          'brokerage',
        ],
      },
      { kind: 'DataProduct', 'relations.partOf': 'domain:default/brokerage' },
    ]);
  });

  it('finds a product related by partOf only, and works without the marketplace page mounted', async () => {
    const entities = demoEntities();
    const portfolio = demoEntity(
      entities,
      'dataproduct:default/property-portfolio',
    );
    // A product that names its domain in a way the filter does not expect, but that the
    // catalog related to the domain.
    (portfolio.spec as any).domain = 'domain:default/Asset-Old-Name';
    await renderWithCatalog(<EntityDomainDataProductsCard />, {
      catalog: new InMemoryCatalog(entities),
      entity: demoEntity(entities, 'domain:default/asset'),
    });

    const table = await screen.findByRole('table', {
      name: 'Data products of the domain',
    });
    expect(within(table).getByText('Property portfolio')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /marketplace/ })).toBeNull();
  });

  it('says so when the domain has no product', async () => {
    const entities = demoEntities();
    const domain = demoEntity(entities, 'domain:default/asset');
    await renderWithCatalog(<EntityDomainDataProductsCard />, {
      catalog: new InMemoryCatalog(
        entities.filter(e => e.kind !== 'DataProduct'),
      ),
      entity: domain,
    });
    expect(
      await screen.findByText('This domain publishes no data product yet.'),
    ).toBeInTheDocument();
  });
});
