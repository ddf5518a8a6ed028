import { screen, within } from '@testing-library/react';
import {
  demoEntities,
  demoEntity,
  InMemoryCatalog,
  renderWithCatalog,
} from '../../__testUtils__';
import { EntityOutputPortsCard } from './EntityOutputPortsCard';

// Built at run time: the lint rule forbids script URLs as literals, and these tests are
// about refusing them.
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

describe('EntityOutputPortsCard', () => {
  it('lists the real ports with type, address, description, contract and the app’s action', async () => {
    const entities = demoEntities();
    await renderWithCatalog(
      <EntityOutputPortsCard
        portActions={(entity, port) => (
          <button type="button">
            Request {port.name} of {entity.metadata.name}
          </button>
        )}
      />,
      {
        catalog: new InMemoryCatalog(entities),
        entity: demoEntity(
          entities,
          'dataproduct:default/credit-risk-dashboard',
        ),
      },
    );

    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const dashboard = rows[0];
    expect(dashboard).toHaveTextContent('dashboard');
    expect(dashboard).toHaveTextContent('Other');
    // The descriptor's own word for the type is kept.
    expect(within(dashboard).getAllByText('dashboard')).toHaveLength(2);
    expect(
      within(dashboard).getByRole('link', {
        name: /https:\/\/bi.premium-offices.example\/dashboards\/credit-risk/,
      }),
    ).toHaveAttribute(
      'href',
      'https://bi.premium-offices.example/dashboards/credit-risk',
    );
    expect(
      within(dashboard).getByRole('link', {
        name: /credit-risk-exposure-contract/,
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/api/credit-risk-exposure-contract',
    );

    const exposure = rows[1];
    expect(exposure).toHaveTextContent('Table');
    expect(exposure).toHaveTextContent(
      'warehouse.capital_markets.credit_risk_exposure',
    );
    expect(exposure).toHaveTextContent(
      'Rent at risk per tenant, rating band and quarter.',
    );
    expect(
      within(exposure).getByRole('button', {
        name: 'Request exposure of credit-risk-dashboard',
      }),
    ).toBeInTheDocument();
  });

  it('does not link an address that is not a web address', async () => {
    const entities = demoEntities();
    const product = demoEntity(entities, 'dataproduct:default/entity-ratings');
    (product.spec as any).outputPorts[0].address = SCRIPT_URL;
    await renderWithCatalog(<EntityOutputPortsCard />, {
      catalog: new InMemoryCatalog(entities),
      entity: product,
    });
    expect(screen.getByText(SCRIPT_URL)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /javascript/ })).toBeNull();
  });
});
