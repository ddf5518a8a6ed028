import { ResponseError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  makeEvent,
  makeGrant,
  makeRequest,
} from '../../__testUtils__/fixtures';
import { mockDataAccessApi } from '../../__testUtils__/mockDataAccessApi';
import { spiedPermissions } from '../../__testUtils__/permissions';
import {
  renderWithApis,
  type RenderOptions,
} from '../../__testUtils__/renderWithApis';
import { DataAccessPage } from './DataAccessPage';

jest.setTimeout(30000);

async function renderPage(
  path: string,
  options: Partial<RenderOptions> & Pick<RenderOptions, 'api'>,
) {
  await renderWithApis(
    <Routes>
      <Route path="/data-access/*" element={<DataAccessPage />} />
    </Routes>,
    { ...options, routeEntries: [path] },
  );
}

const conflict = () =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'ConflictError', message: 'stale version' },
        response: { statusCode: 409 },
      }),
      { status: 409, statusText: 'Conflict' },
    ),
  );

describe('DataAccessPage', () => {
  describe('My requests', () => {
    it('says there are no requests yet', async () => {
      const api = mockDataAccessApi();
      await renderPage('/data-access', { api });

      expect(
        await screen.findByText('No access requests yet'),
      ).toBeInTheDocument();
      expect(api.listRequests).toHaveBeenCalledWith({
        view: 'mine',
        state: undefined,
        cursor: undefined,
        limit: 25,
      });
    });

    it('shows a spinner while the first page loads', async () => {
      const api = mockDataAccessApi({
        listRequests: jest.fn(() => new Promise<never>(() => {})),
      });
      await renderPage('/data-access', { api });

      expect(
        await screen.findByRole('progressbar', { name: 'Loading' }),
      ).toBeInTheDocument();
      expect(
        screen.queryByText('No access requests yet'),
      ).not.toBeInTheDocument();
    });

    it('shows the error when the list cannot be read', async () => {
      const api = mockDataAccessApi({
        listRequests: jest.fn(async () => {
          throw new Error('The data-access backend is down');
        }),
      });
      await renderPage('/data-access', { api });

      expect(
        await screen.findByText('Error: The data-access backend is down', {
          selector: 'h6',
        }),
      ).toBeInTheDocument();
    });

    it('lists requests, links each to its page, and loads more with the cursor', async () => {
      const first = makeRequest({ outputPort: 'leases-view' });
      const second = makeRequest({ outputPort: 'tenants-view' });
      const api = mockDataAccessApi({
        listRequests: jest
          .fn()
          .mockResolvedValueOnce({ items: [first], nextCursor: 'page-2' })
          .mockResolvedValueOnce({ items: [second] }),
      });
      await renderPage('/data-access', { api });

      const table = await screen.findByRole('table', { name: 'My requests' });
      expect(within(table).getByText('leases-view')).toBeInTheDocument();
      expect(
        within(table).getByRole('link', { name: 'Details' }),
      ).toHaveAttribute('href', `/data-access/requests/${first.id}`);

      await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

      expect(
        await within(table).findByText('tenants-view'),
      ).toBeInTheDocument();
      expect(within(table).getByText('leases-view')).toBeInTheDocument();
      expect(api.listRequests).toHaveBeenLastCalledWith(
        expect.objectContaining({ view: 'mine', cursor: 'page-2' }),
      );
      expect(
        screen.queryByRole('button', { name: 'Load more' }),
      ).not.toBeInTheDocument();
    });

    it('narrows to active grants', async () => {
      const api = mockDataAccessApi();
      await renderPage('/data-access', { api });
      await screen.findByText('No access requests yet');

      await userEvent.selectOptions(
        screen.getByLabelText('Show'),
        'active-grants',
      );

      await waitFor(() =>
        expect(api.listRequests).toHaveBeenLastCalledWith(
          expect.objectContaining({ view: 'mine', state: ['granted'] }),
        ),
      );
      expect(
        await screen.findByText('No requests: active grants'),
      ).toBeInTheDocument();
    });
  });

  describe('To decide', () => {
    it('is the inbox of requests to decide on, empty when there are none', async () => {
      const api = mockDataAccessApi();
      await renderPage('/data-access?tab=to-decide', { api });

      expect(await screen.findByText('Nothing to decide')).toBeInTheDocument();
      expect(api.listRequests).toHaveBeenCalledWith(
        expect.objectContaining({ view: 'to-decide' }),
      );
    });

    it('approves from the inbox with the version seen, then reloads', async () => {
      const request = makeRequest({ version: 3 });
      let decided = false;
      const api = mockDataAccessApi({
        listRequests: jest.fn(async options => ({
          items: options?.view === 'to-decide' && !decided ? [request] : [],
        })),
        decideRequest: jest.fn(async () => {
          decided = true;
          return { ...request, state: 'approved' as const };
        }),
      });
      await renderPage('/data-access', { api });
      await userEvent.click(
        await screen.findByRole('tab', { name: 'To decide' }),
      );

      const table = await screen.findByRole('table', {
        name: 'Requests to decide',
      });
      await userEvent.click(
        await within(table).findByRole('button', { name: 'Approve' }),
      );

      expect(api.decideRequest).toHaveBeenCalledWith(request.id, {
        decision: 'approve',
        version: 3,
      });
      expect(await screen.findByText(/Request approved/)).toBeInTheDocument();
      expect(await screen.findByText('Nothing to decide')).toBeInTheDocument();
    });

    it('rejects from the inbox only with a reason', async () => {
      const user = userEvent.setup();
      const request = makeRequest({ version: 2 });
      const api = mockDataAccessApi({
        listRequests: jest.fn(async () => ({ items: [request] })),
        decideRequest: jest.fn(async () => ({
          ...request,
          state: 'rejected' as const,
        })),
      });
      await renderPage('/data-access?tab=to-decide', { api });

      await user.click(await screen.findByRole('button', { name: 'Reject' }));
      const dialog = await screen.findByRole('dialog');
      await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
      expect(api.decideRequest).not.toHaveBeenCalled();
      await user.type(within(dialog).getByLabelText('Reason'), 'Not licensed');
      await user.click(within(dialog).getByRole('button', { name: 'Reject' }));

      expect(api.decideRequest).toHaveBeenCalledWith(request.id, {
        decision: 'reject',
        reason: 'Not licensed',
        version: 2,
      });
    });

    it('hides the decision controls the permission framework denies', async () => {
      const request = makeRequest();
      const api = mockDataAccessApi({
        listRequests: jest.fn(async () => ({ items: [request] })),
      });
      const { permissionApi, settled } = spiedPermissions([
        'data-access.request.read',
      ]);
      await renderPage('/data-access?tab=to-decide', { api, permissionApi });

      const table = await screen.findByRole('table', {
        name: 'Requests to decide',
      });
      // The row is there, with its link, but without approve or reject.
      expect(
        within(table).getByRole('link', { name: 'Details' }),
      ).toBeInTheDocument();
      await settled(3);
      expect(
        within(table).queryByRole('button', { name: 'Approve' }),
      ).not.toBeInTheDocument();
    });

    it('says someone decided first when the inbox was stale', async () => {
      const request = makeRequest({ version: 1 });
      const api = mockDataAccessApi({
        listRequests: jest
          .fn()
          .mockResolvedValueOnce({ items: [request] })
          .mockResolvedValue({ items: [] }),
        decideRequest: jest.fn(async () => Promise.reject(await conflict())),
      });
      await renderPage('/data-access?tab=to-decide', { api });

      await userEvent.click(
        await screen.findByRole('button', { name: 'Approve' }),
      );

      expect(await screen.findByRole('alert')).toHaveTextContent(
        'Someone decided first',
      );
      await waitFor(() => expect(api.listRequests).toHaveBeenCalledTimes(2));
    });
  });

  describe('Consumers of my products', () => {
    it("lists the grants of the products the user's groups own", async () => {
      const product = (name: string, owner: string): Entity => ({
        apiVersion: 'datamesh/v1alpha1',
        kind: 'DataProduct',
        metadata: { name, namespace: 'default' },
        spec: { owner },
        relations: [{ type: 'ownedBy', targetRef: owner }],
      });
      const api = mockDataAccessApi({
        listProductGrants: jest.fn(async ref =>
          ref === 'dataproduct:default/tenancy-analytics'
            ? [makeGrant({ outputPort: 'leases-view' })]
            : [makeGrant({ outputPort: 'other-port' })],
        ),
      });
      await renderPage('/data-access?tab=consumers', {
        api,
        identity: {
          userEntityRef: 'user:default/bruno',
          ownershipEntityRefs: [
            'user:default/bruno',
            'group:default/brokerage',
          ],
        },
        catalogEntities: [
          product('tenancy-analytics', 'group:default/brokerage'),
          product('asset-register', 'group:default/asset'),
        ],
      });

      const table = await screen.findByRole('table', {
        name: 'Consumers of my products',
      });
      expect(within(table).getByText('leases-view')).toBeInTheDocument();
      expect(within(table).queryByText('other-port')).not.toBeInTheDocument();
      expect(api.listProductGrants).toHaveBeenCalledTimes(1);
    });
  });

  it('shows a request on its own sub page', async () => {
    const request = makeRequest({ outputPort: 'ratings-table' });
    const api = mockDataAccessApi({
      getRequest: jest.fn(async () => request),
      getRequestHistory: jest.fn(async () => [makeEvent(request, {})]),
    });
    await renderPage(`/data-access/requests/${request.id}`, { api });

    expect(await screen.findByText('ratings-table')).toBeInTheDocument();
    expect(api.getRequest).toHaveBeenCalledWith(request.id);
    expect(
      screen.getByRole('list', { name: 'Request progress' }),
    ).toBeInTheDocument();
  });
});
