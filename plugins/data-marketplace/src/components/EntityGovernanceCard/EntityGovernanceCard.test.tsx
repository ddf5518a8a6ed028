import { ResponseError } from '@backstage/errors';
import { screen, within } from '@testing-library/react';
import { dataMarketplaceApiRef } from '../../api';
import {
  demoEntities,
  demoEntity,
  failingProduct,
  fakeDataMarketplaceApi,
  InMemoryCatalog,
  passingProduct,
  renderWithCatalog,
} from '../../__testUtils__';
import { EntityGovernanceCard } from './EntityGovernanceCard';

/** The rule results table as text, one array of cells per row. */
function resultRows(): string[][] {
  const table = screen.getByRole('table', { name: 'Rule results' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

async function renderCard(
  productRef: string,
  api = fakeDataMarketplaceApi(),
  options: { mountMeshPages?: boolean } = {},
) {
  const entities = demoEntities();
  await renderWithCatalog(<EntityGovernanceCard />, {
    catalog: new InMemoryCatalog(entities),
    entity: demoEntity(entities, productRef),
    apis: [[dataMarketplaceApiRef, api]],
    mountMeshPages: options.mountMeshPages,
  });
  return api;
}

describe('EntityGovernanceCard', () => {
  it('shows a passing product’s badge and every check it passed', async () => {
    const api = fakeDataMarketplaceApi();
    api.getProductGovernance.mockResolvedValue(passingProduct());
    await renderCard('dataproduct:default/entity-ratings', api);

    expect(await screen.findByTestId('governance-badge')).toHaveTextContent(
      'Governance: Passing',
    );
    expect(api.getProductGovernance).toHaveBeenCalledWith(
      'dataproduct:default/entity-ratings',
    );
    expect(screen.getByText('All 2 checks passed.')).toBeInTheDocument();
    expect(resultRows()).toEqual([
      [
        'mesh/product-name',
        'Error',
        'Passed',
        'metadata.name matches ^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
        '—',
      ],
      [
        'mesh/required-metadata',
        'Error',
        'Passed',
        'Sets spec.owner, spec.domain, spec.description.purpose, spec.classification, spec.sla',
        '—',
      ],
    ]);
  });

  it('lists a failing product’s failures first, with what to change and the field', async () => {
    const api = fakeDataMarketplaceApi();
    const product = failingProduct();
    // A message comes from config and descriptors: markup in it stays text.
    product.results[1].message = '<b>Declare</b> quality rules';
    api.getProductGovernance.mockResolvedValue(product);
    await renderCard('dataproduct:default/credit-risk-dashboard', api, {
      mountMeshPages: true,
    });

    expect(await screen.findByTestId('governance-badge')).toHaveTextContent(
      'Governance: Failing',
    );
    expect(
      screen.getByText('2 of 3 checks failed (1 error, 1 warning).'),
    ).toBeInTheDocument();
    expect(resultRows()).toEqual([
      [
        'mesh/output-port-contract',
        'Error',
        'Failed',
        "Register the contract of output port exposures: api:default/credit-risk-exposure is not in the catalog (add the contract file to the product's catalog-info.yaml targets, or fix the port's contractId)",
        'spec.outputPorts[0].contract',
      ],
      [
        'mesh/contract-quality',
        'Warning',
        'Failed',
        '<b>Declare</b> quality rules',
        'spec.outputPorts[0].contract',
      ],
      [
        'mesh/required-metadata',
        'Error',
        'Passed',
        'Sets spec.owner, spec.domain, spec.description.purpose, spec.classification, spec.sla',
        '—',
      ],
    ]);
    expect(document.querySelector('b')).toBeNull();
    expect(
      screen.getByRole('link', { name: /Mesh governance/ }),
    ).toHaveAttribute('href', '/data-mesh/governance');
  });

  it('says the product has not been evaluated yet when the backend has no result (404)', async () => {
    await renderCard('dataproduct:default/property-portfolio');

    expect(
      await screen.findByTestId('governance-not-evaluated'),
    ).toHaveTextContent(/^Not evaluated yet/);
    expect(screen.queryByTestId('governance-badge')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    // No governance page mounted: no link to it.
    expect(
      screen.queryByRole('link', { name: /Mesh governance/ }),
    ).not.toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    const api = fakeDataMarketplaceApi();
    api.getProductGovernance.mockRejectedValue(
      await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: { name: 'Error', message: 'The database is unreachable' },
            response: { statusCode: 503 },
          }),
          {
            status: 503,
            statusText: 'Service Unavailable',
            headers: { 'Content-Type': 'application/json' },
          },
        ),
      ),
    );
    await renderCard('dataproduct:default/entity-ratings', api);

    expect(
      await screen.findByText(/Request failed with 503 Service Unavailable/),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('governance-badge')).not.toBeInTheDocument();
    expect(
      screen.queryByTestId('governance-not-evaluated'),
    ).not.toBeInTheDocument();
  });
});
