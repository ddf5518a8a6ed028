import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dataMarketplaceApiRef } from '../../api';
import {
  demoEntities,
  emptyGovernanceSummary,
  fakeDataMarketplaceApi,
  InMemoryCatalog,
  renderWithCatalog,
} from '../../__testUtils__';
import { GovernancePage } from './GovernancePage';

// Material UI renders slowly in jsdom, and the page draws two charts.
jest.setTimeout(30_000);

function rows(tableName: string): string[][] {
  const table = screen.getByRole('table', { name: tableName });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

function tileValue(label: string): string {
  const tile = screen.getByRole('group', { name: label });
  return tile.querySelectorAll('p')[1]?.textContent ?? '';
}

async function renderPage(api = fakeDataMarketplaceApi()) {
  await renderWithCatalog(<GovernancePage />, {
    catalog: new InMemoryCatalog(demoEntities()),
    apis: [[dataMarketplaceApiRef, api]],
  });
  return api;
}

describe('GovernancePage', () => {
  it('shows the mesh totals, each domain, each rule, the worst offenders, the trend and the policies', async () => {
    const api = await renderPage();

    expect(
      await screen.findByRole('group', { name: 'Compliance' }),
    ).toBeInTheDocument();
    expect(api.getGovernanceSummary).toHaveBeenCalledWith({
      limit: 10,
      days: 30,
    });
    expect(tileValue('Compliance')).toBe('80%');
    expect(tileValue('Products')).toBe('5');
    expect(tileValue('Passing')).toBe('2');
    expect(tileValue('Warning')).toBe('2');
    expect(tileValue('Failing')).toBe('1');

    expect(rows('Compliance per domain')).toEqual([
      [expect.stringMatching(/asset/i), '1', '1', '0', '0', '100%'],
      [expect.stringMatching(/brokerage/i), '2', '1', '1', '0', '100%'],
      [expect.stringMatching(/capital.markets/i), '2', '0', '1', '1', '50%'],
    ]);
    const domainChart = screen.getByRole('figure', {
      name: 'Compliance per domain (%)',
    });
    expect(
      domainChart.querySelectorAll('.recharts-bar-rectangle'),
    ).toHaveLength(3);

    // Worst rule first; descriptions from the policies in force.
    await waitFor(() =>
      expect(rows('Compliance per rule')[0]).toEqual([
        'mesh/support-channel',
        'Consumers know where to get help.',
        '2',
        '3',
        '40%',
      ]),
    );
    expect(rows('Compliance per rule').map(row => row[0])).toEqual([
      'mesh/support-channel',
      'mesh/output-port-contract',
      'mesh/required-metadata',
    ]);

    const offenders = screen.getByRole('table', { name: 'Worst offenders' });
    const offenderRows = within(offenders).getAllByRole('row').slice(1);
    expect(offenderRows).toHaveLength(3);
    expect(
      within(offenderRows[0]).getByRole('link', {
        name: /credit.risk.dashboard/i,
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/dataproduct/credit-risk-dashboard',
    );
    expect(
      within(offenderRows[0]).getByTestId('governance-badge'),
    ).toHaveTextContent('Governance: Failing');
    expect(
      within(offenderRows[0])
        .getAllByRole('cell')
        .slice(4, 6)
        .map(cell => cell.textContent),
    ).toEqual(['1', '1']);

    const trend = screen.getByRole('figure', {
      name: 'Compliance over time (%)',
    });
    expect(trend.querySelectorAll('.recharts-line-curve')).toHaveLength(1);
    expect(
      trend.querySelectorAll('.recharts-line-dot, .recharts-dot'),
    ).toHaveLength(3);
    expect(within(trend).getByText('2026-11-18')).toBeInTheDocument();

    expect(rows('Policies in force')).toEqual([
      [
        'mesh/required-metadata',
        'Every data product names its owner, domain, purpose, classification and service levels.',
        'Error',
        'DataProduct',
        'Yes',
      ],
      [
        'mesh/output-port-contract',
        'Every output port has a contract registered in the catalog.',
        'Error',
        'DataProduct',
        'Yes',
      ],
      [
        'mesh/support-channel',
        'Consumers know where to get help.',
        'Warning',
        'DataProduct where spec.lifecycle is production',
        'Yes',
      ],
    ]);
  });

  it('asks for a longer trend when the reader picks one', async () => {
    const api = await renderPage();
    await screen.findByRole('group', { name: 'Compliance' });

    await userEvent.click(screen.getByRole('button', { name: 'Trend over' }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Last 90 days' }),
    );

    await waitFor(() =>
      expect(api.getGovernanceSummary).toHaveBeenLastCalledWith({
        limit: 10,
        days: 90,
      }),
    );
  });

  it('says so when no product has been evaluated, and still lists the policies', async () => {
    const api = fakeDataMarketplaceApi();
    api.getGovernanceSummary.mockResolvedValue(emptyGovernanceSummary());
    await renderPage(api);

    expect(
      await screen.findByText('No data product has been evaluated yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The governance checks have not run yet/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Compliance' })).toBeNull();
    expect(screen.queryByRole('figure')).toBeNull();
    expect(
      await screen.findByRole('table', { name: 'Policies in force' }),
    ).toBeInTheDocument();
  });

  it('shows the backend’s error, and the policies that did load', async () => {
    const api = fakeDataMarketplaceApi();
    api.getGovernanceSummary.mockRejectedValue(
      new Error('The governance store is unreachable'),
    );
    await renderPage(api);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The governance store is unreachable',
    );
    expect(screen.queryByRole('group', { name: 'Compliance' })).toBeNull();
    expect(
      await screen.findByRole('table', { name: 'Policies in force' }),
    ).toBeInTheDocument();
  });
});
