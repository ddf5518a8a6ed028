import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { readCatalogFile } from '../../__testUtils__';
import { dataContractApiWidget } from '../../dataContractApiWidget';
import { DataContractDefinition } from './DataContractDefinition';

describe('DataContractDefinition', () => {
  it('renders the real Entity ratings ODCS contract readably', async () => {
    await renderInTestApp(
      <DataContractDefinition
        definition={readCatalogFile('brokerage/entity-ratings.odcs.yaml')}
      />,
    );

    expect(
      screen.getByRole('heading', { name: 'Entity ratings', level: 2 }),
    ).toBeInTheDocument();
    expect(screen.getByText('v1.3.0')).toBeInTheDocument();
    expect(screen.getByText('Active')).toBeInTheDocument();
    expect(
      screen.getByText('Bitol Open Data Contract Standard v3.1.0'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Schema of current_ratings' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Schema of rating_history' }),
    ).toBeInTheDocument();

    const servers = screen.getByRole('table', { name: 'Servers' });
    expect(servers).toHaveTextContent('warehouse');
    expect(servers).toHaveTextContent('postgresql');
    expect(servers).toHaveTextContent(
      'host: warehouse.premium-offices.example',
    );

    const levels = screen.getByRole('region', { name: 'Service levels' });
    expect(levels).toHaveTextContent('Frequency1 day(s)');
    expect(
      within(screen.getByRole('region', { name: 'Quality' })).getByText(
        /Known issue: entities without an LEI/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Internal analysis only/)).toBeInTheDocument();
  });

  it('renders the real Rental income forecast DCS contract with its terms', async () => {
    await renderInTestApp(
      dataContractApiWidget.component(
        readCatalogFile(
          'capital-markets/rental-income-forecast.datacontract.yaml',
        ),
      ),
    );

    expect(
      screen.getByRole('heading', { name: 'Rental income forecast', level: 2 }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Data Contract Specification 1.2.0'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Schema of rental_income_forecast' }),
    ).toBeInTheDocument();
    const terms = screen.getByRole('table', { name: 'Terms' });
    expect(terms).toHaveTextContent('noticePeriodP1M');
    expect(terms).toHaveTextContent('Internal use within Premium Offices.');
    expect(
      screen.getByRole('region', { name: 'Service levels' }),
    ).toHaveTextContent('Retention');
  });

  it('shows why an invalid definition cannot be shown, without crashing', async () => {
    await renderInTestApp(
      <DataContractDefinition
        definition={'apiVersion: v3.1.0\nkind: DataContract\nschema: 42\n'}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This contract cannot be shown',
    );

    await renderInTestApp(
      <DataContractDefinition definition="{ not yaml: [" />,
    );
    expect(screen.getAllByRole('alert')[1]).toHaveTextContent(
      'not valid YAML or JSON',
    );

    await renderInTestApp(
      <DataContractDefinition
        definition={readCatalogFile('brokerage/entity-ratings.odps.yaml')}
      />,
    );
    expect(screen.getAllByRole('alert')[2]).toHaveTextContent(
      'describes a data product, not its contract',
    );
  });

  it('is offered to api-docs for data-contract APIs', () => {
    expect(dataContractApiWidget.type).toBe('data-contract');
    expect(dataContractApiWidget.title).toBe('Data contract');
  });
});
