import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeGrant, tenancyAnalytics } from '../../__testUtils__/fixtures';
import { mockDataAccessApi } from '../../__testUtils__/mockDataAccessApi';
import { spiedPermissions } from '../../__testUtils__/permissions';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityDataProductConsumersCard } from './EntityDataProductConsumersCard';

jest.setTimeout(30000);

async function renderCard(
  api: ReturnType<typeof mockDataAccessApi>,
  allow?: string[],
) {
  const permissions = spiedPermissions(allow);
  await renderWithApis(
    <EntityProvider entity={tenancyAnalytics}>
      <EntityDataProductConsumersCard />
    </EntityProvider>,
    { api, permissionApi: permissions.permissionApi },
  );
  return permissions;
}

describe('EntityDataProductConsumersCard', () => {
  it("lists the product's consumers with port, start and end", async () => {
    const withEnd = makeGrant({
      consumer: 'component:default/credit-risk-dashboard',
      outputPort: 'leases-view',
      grantedAt: '2026-01-07T09:30:00.000Z',
      endDate: '2027-03-31',
    });
    const openEnded = makeGrant({
      consumer: 'group:default/capital-markets',
      outputPort: 'tenants-view',
    });
    const api = mockDataAccessApi({
      listProductGrants: jest.fn(async () => [withEnd, openEnded]),
    });
    await renderCard(api, []);

    const table = await screen.findByRole('table', {
      name: 'Consumers of Tenancy analytics',
    });
    expect(api.listProductGrants).toHaveBeenCalledWith(
      'dataproduct:default/tenancy-analytics',
    );
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0]).getByRole('link', { name: /credit-risk-dashboard/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/credit-risk-dashboard',
    );
    expect(rows[0]).toHaveTextContent('leases-view');
    expect(rows[0]).toHaveTextContent(
      new Date('2027-03-31T00:00:00Z').toLocaleDateString(undefined, {
        timeZone: 'UTC',
      }),
    );
    expect(rows[1]).toHaveTextContent('tenants-view');
    expect(rows[1]).toHaveTextContent('No end date');
    expect(screen.getByText('2 consumers')).toBeInTheDocument();
  });

  it('says so when nobody consumes the product', async () => {
    const api = mockDataAccessApi({
      listProductGrants: jest.fn(async () => []),
    });
    await renderCard(api);

    expect(
      await screen.findByText(/Nobody consumes this data product yet/),
    ).toBeInTheDocument();
  });

  it('offers revoke only on the grants the user may revoke', async () => {
    const mine = makeGrant({ outputPort: 'leases-view' });
    const notMine = makeGrant({ outputPort: 'tenants-view' });
    const api = mockDataAccessApi({
      listProductGrants: jest.fn(async () => [mine, notMine]),
      revokeRequest: jest.fn(async () => ({} as never)),
    });
    const permissionApi = spiedPermissions();
    permissionApi.authorize.mockImplementation(async request => ({
      result:
        (request as { resourceRef?: string }).resourceRef === mine.requestId
          ? ('ALLOW' as never)
          : ('DENY' as never),
    }));
    await renderWithApis(
      <EntityProvider entity={tenancyAnalytics}>
        <EntityDataProductConsumersCard />
      </EntityProvider>,
      { api, permissionApi: permissionApi.permissionApi },
    );

    const table = await screen.findByRole('table');
    const [mineRow, otherRow] = within(table).getAllByRole('row').slice(1);
    const revoke = await within(mineRow).findByRole('button', {
      name: 'Revoke',
    });
    await permissionApi.settled(2);
    expect(
      within(otherRow).queryByRole('button', { name: 'Revoke' }),
    ).not.toBeInTheDocument();

    await userEvent.click(revoke);
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText('Reason'),
      'Contract ended',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    );

    expect(api.revokeRequest).toHaveBeenCalledWith(mine.requestId, {
      reason: 'Contract ended',
    });
    await waitFor(() => expect(api.listProductGrants).toHaveBeenCalledTimes(2));
  });
});
