import { screen, within } from '@testing-library/react';
import {
  demoEntities,
  demoEntity,
  InMemoryCatalog,
  renderWithCatalog,
} from '../../__testUtils__';
import { EntitySlaQualityCard } from './EntitySlaQualityCard';

function tableRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(c => c.textContent ?? ''),
    );
}

describe('EntitySlaQualityCard', () => {
  it('shows the product’s and the ODCS contract’s service levels and quality rules', async () => {
    const entities = demoEntities();
    const product = demoEntity(entities, 'dataproduct:default/entity-ratings');
    (product.spec as any).quality = [
      {
        type: 'text',
        description: 'Every current tenant with an LEI has a rating.',
      },
    ];
    await renderWithCatalog(<EntitySlaQualityCard />, {
      catalog: new InMemoryCatalog(entities),
      entity: product,
    });

    const contractHeading = await screen.findByText(
      'Contract service levels: Entity ratings',
    );
    const [productTable, contractTable] = screen.getAllByRole('table');
    expect(tableRows(productTable)).toEqual([
      ['Update frequency', 'daily', ''],
    ]);
    expect(contractHeading).toBeInTheDocument();
    expect(tableRows(contractTable)).toEqual([
      ['Frequency', '1 day(s)', ''],
      ['Latency', '2 day(s)', ''],
    ]);
    expect(
      screen.getByText('Every current tenant with an LEI has a rating.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Known issue: entities without an LEI in the ERP are missing/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Entity ratings › rating_history/),
    ).toBeInTheDocument();
  });

  it('shows the column-level quality rules of the real DCS contract, queries as code', async () => {
    const entities = demoEntities();
    await renderWithCatalog(<EntitySlaQualityCard />, {
      catalog: new InMemoryCatalog(entities),
      entity: demoEntity(
        entities,
        'dataproduct:default/rental-income-forecast',
      ),
    });

    expect(
      await screen.findByText('Rent is never negative.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'SELECT COUNT(*) FROM rental_income_forecast WHERE contractual_rent < 0',
        { selector: 'code' },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /rental_income_forecast\.contractual_rent · type: sql · mustBe: 0/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('P10Y')).toBeInTheDocument();
  });
});
