import { screen, within } from '@testing-library/react';
import {
  demoEntities,
  demoEntity,
  InMemoryCatalog,
  renderWithCatalog,
} from '../../__testUtils__';
import { EntityContractSchemaCard } from './EntityContractSchemaCard';

/** The table of one schema object, as header → cell text per row. */
function schemaRows(objectName: string): Array<Record<string, string>> {
  const section = screen.getByRole('region', {
    name: `Schema of ${objectName}`,
  });
  const table = within(section).getByRole('table');
  const headers = within(table)
    .getAllByRole('columnheader')
    .map(cell => cell.textContent ?? '');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      Object.fromEntries(
        within(row)
          .getAllByRole('cell')
          .map((cell, index) => [headers[index], cell.textContent ?? '']),
      ),
    );
}

describe('EntityContractSchemaCard', () => {
  it('shows the schema of the real Entity ratings ODCS contract', async () => {
    const entities = demoEntities();
    const catalog = new InMemoryCatalog(entities);
    jest.spyOn(catalog, 'getEntitiesByRefs');
    await renderWithCatalog(<EntityContractSchemaCard />, {
      catalog,
      entity: demoEntity(entities, 'dataproduct:default/entity-ratings'),
    });

    expect(
      await screen.findByRole('region', { name: 'Schema of current_ratings' }),
    ).toBeInTheDocument();
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledWith({
      entityRefs: ['api:default/entity-ratings-contract'],
    });
    expect(
      screen.getByRole('link', { name: /Entity ratings/ }),
    ).toHaveAttribute('href', '/catalog/default/api/entity-ratings-contract');
    expect(
      screen.getByText(
        /Bitol Open Data Contract Standard · v3.1.0 · contract version 1.3.0/,
      ),
    ).toBeInTheDocument();

    const current = schemaRows('current_ratings');
    expect(current.map(row => row.Property)).toEqual([
      'tenant_entity_idPK',
      'lei',
      'agencyPK',
      'rating',
      'rated_on',
    ]);
    expect(current[3]).toEqual({
      Property: 'rating',
      'Logical type': 'string',
      'Physical type': 'varchar(10)',
      Required: 'Yes',
      Description: 'The long-term issuer rating, e.g. BBB+.',
      Classification: 'Restricted',
      PII: '—',
    });
    expect(schemaRows('rating_history')).toHaveLength(4);
  });

  it('shows the schema of the real Rental income forecast DCS contract', async () => {
    const entities = demoEntities();
    await renderWithCatalog(<EntityContractSchemaCard />, {
      catalog: new InMemoryCatalog(entities),
      entity: demoEntity(
        entities,
        'dataproduct:default/rental-income-forecast',
      ),
    });

    await screen.findByRole('region', {
      name: 'Schema of rental_income_forecast',
    });
    expect(
      screen.getByText(/Data Contract Specification · 1.2.0/),
    ).toBeInTheDocument();
    const rows = schemaRows('rental_income_forecast');
    expect(rows.map(row => row.Property)).toEqual([
      'building_idPK',
      'quarterPK',
      'contractual_rent',
      'leases_ending',
    ]);
    expect(rows[2]).toMatchObject({
      'Logical type': 'decimal',
      Required: 'Yes',
      Classification: 'Confidential',
      Description: 'Rent due under signed leases in the quarter, in EUR.',
    });
    expect(rows[3]).toMatchObject({ Required: '—', 'Logical type': 'integer' });
  });

  it('says which contract is not in the catalog and shows the others', async () => {
    const entities = demoEntities();
    const product = demoEntity(
      entities,
      'dataproduct:default/tenancy-analytics',
    );
    product.relations!.push({
      type: 'providesApi',
      targetRef: 'api:default/gone-contract',
    });
    await renderWithCatalog(<EntityContractSchemaCard />, {
      catalog: new InMemoryCatalog(entities),
      entity: product,
    });
    expect(
      await screen.findByText(
        'The contract api:default/gone-contract is not in the catalog.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('region', { name: /^Schema of / }).length,
    ).toBeGreaterThan(0);
  });

  it('shows the reader’s errors for an invalid definition', async () => {
    const entities = demoEntities();
    const contract = demoEntity(
      entities,
      'api:default/entity-ratings-contract',
    );
    (contract.spec as any).definition =
      'apiVersion: v3.1.0\nkind: DataContract\nschema: 42\n';
    await renderWithCatalog(<EntityContractSchemaCard />, {
      catalog: new InMemoryCatalog(entities),
      entity: demoEntity(entities, 'dataproduct:default/entity-ratings'),
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This contract cannot be shown');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
