import { ResponseError } from '@backstage/errors';
import type {
  AccessRequest,
  AccessRequestEvent,
} from '@datamesh/plugin-data-access-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  makeEvent,
  makeRequest,
  SCRIPT_URL,
} from '../../__testUtils__/fixtures';
import { mockDataAccessApi } from '../../__testUtils__/mockDataAccessApi';
import { spiedPermissions } from '../../__testUtils__/permissions';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { RequestPage } from './RequestPage';

jest.setTimeout(30000);

async function renderPage(
  request: AccessRequest,
  history: AccessRequestEvent[],
  allow?: string[],
  overrides: Parameters<typeof mockDataAccessApi>[0] = {},
) {
  const api = mockDataAccessApi({
    getRequest: jest.fn(async () => request),
    getRequestHistory: jest.fn(async () => history),
    ...overrides,
  });
  const permissions = spiedPermissions(allow);
  await renderWithApis(
    <Routes>
      <Route path="/data-access/requests/:id" element={<RequestPage />} />
    </Routes>,
    {
      api,
      permissionApi: permissions.permissionApi,
      routeEntries: [`/data-access/requests/${request.id}`],
    },
  );
  return { api, ...permissions };
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

function timelineSteps() {
  const timeline = screen.getByRole('list', { name: 'Request progress' });
  return within(timeline)
    .getAllByRole('listitem')
    .map(item => ({
      text: item.textContent,
      upcoming: item.getAttribute('data-upcoming') === 'true',
    }));
}

describe('RequestPage', () => {
  it('shows the request and a timeline of what happened and what is still to come', async () => {
    const request = makeRequest({
      state: 'approved',
      version: 2,
      endDate: '2027-03-31',
    });
    await renderPage(request, [
      makeEvent(request, { to: 'submitted' }),
      makeEvent(request, {
        from: 'submitted',
        to: 'approved',
        actor: 'user:default/bruno',
        at: '2026-01-06T08:00:00.000Z',
        reason: 'Fits the licence',
      }),
    ]);

    expect(await screen.findByText('Tracking')).toBeInTheDocument();
    expect(
      screen.getByText('Credit risk dashboard for the capital markets desk'),
    ).toBeInTheDocument();
    expect(screen.getByText('leases-view')).toBeInTheDocument();

    const steps = timelineSteps();
    expect(steps.map(step => step.upcoming)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(steps[0].text).toMatch(/^Submitted.*by ana on/);
    expect(steps[1].text).toMatch(
      /^Approved.*by bruno on.*Reason: Fits the licence/,
    );
    expect(steps[2].text).toMatch(/^Provisioning/);
    expect(steps[3].text).toMatch(/^Granted/);
    expect(steps[4].text).toMatch(/^Access ends.*2027-03-31/);
  });

  it('has nothing still to come once the request ended', async () => {
    const request = makeRequest({ state: 'rejected', version: 2 });
    await renderPage(request, [
      makeEvent(request, { to: 'submitted' }),
      makeEvent(request, {
        from: 'submitted',
        to: 'rejected',
        actor: 'user:default/bruno',
        reason: 'Internal use only',
      }),
    ]);

    await screen.findByText('Tracking');
    const steps = timelineSteps();
    expect(steps).toHaveLength(2);
    expect(steps.every(step => !step.upcoming)).toBe(true);
    expect(steps[1].text).toContain('Reason: Internal use only');
  });

  it('offers approve and reject only when the decide permission allows', async () => {
    const request = makeRequest();
    const { settled } = await renderPage(
      request,
      [makeEvent(request, {})],
      ['data-access.request.cancel'],
    );

    expect(
      await screen.findByRole('button', { name: 'Cancel request' }),
    ).toBeInTheDocument();
    await settled(3);
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Reject' }),
    ).not.toBeInTheDocument();
  });

  it('offers approve when allowed, and approving sends the version seen', async () => {
    const request = makeRequest({ version: 4 });
    const { api } = await renderPage(
      request,
      [makeEvent(request, {})],
      ['data-access.request.decide'],
      {
        decideRequest: jest.fn(async () => ({
          ...request,
          state: 'approved' as const,
        })),
      },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Approve' }),
    );

    expect(api.decideRequest).toHaveBeenCalledWith(request.id, {
      decision: 'approve',
      version: 4,
    });
    expect(await screen.findByText(/Request approved/)).toBeInTheDocument();
    await waitFor(() => expect(api.getRequest).toHaveBeenCalledTimes(2));
  });

  it('does not offer a decision on a request that is no longer submitted', async () => {
    const request = makeRequest({ state: 'granted', version: 5 });
    const { settled } = await renderPage(request, [makeEvent(request, {})]);

    expect(
      await screen.findByRole('button', { name: 'Revoke access' }),
    ).toBeInTheDocument();
    await settled(3);
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Cancel request' }),
    ).not.toBeInTheDocument();
  });

  it('asks for a reason before rejecting', async () => {
    const user = userEvent.setup();
    const request = makeRequest({ version: 2 });
    const { api } = await renderPage(
      request,
      [makeEvent(request, {})],
      ['data-access.request.decide'],
      {
        decideRequest: jest.fn(async () => ({
          ...request,
          state: 'rejected' as const,
        })),
      },
    );

    await user.click(await screen.findByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));

    expect(within(dialog).getByLabelText('Reason')).toHaveAccessibleDescription(
      'A rejection needs a reason',
    );
    expect(api.decideRequest).not.toHaveBeenCalled();

    await user.type(
      within(dialog).getByLabelText('Reason'),
      'Ratings are for internal use only{Enter}',
    );

    expect(api.decideRequest).toHaveBeenCalledWith(request.id, {
      decision: 'reject',
      reason: 'Ratings are for internal use only',
      version: 2,
    });
    expect(await screen.findByText('Request rejected.')).toBeInTheDocument();
  });

  it('says someone decided first on a 409 and reloads the request', async () => {
    const request = makeRequest({ version: 1 });
    const { api } = await renderPage(
      request,
      [makeEvent(request, {})],
      ['data-access.request.decide'],
      { decideRequest: jest.fn(async () => Promise.reject(await conflict())) },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Approve' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Someone decided first/,
    );
    await waitFor(() => expect(api.getRequest).toHaveBeenCalledTimes(2));
    expect(api.getRequestHistory).toHaveBeenCalledTimes(2);
  });

  it('shows an error panel when the request cannot be read', async () => {
    const request = makeRequest();
    await renderPage(request, [], undefined, {
      getRequest: jest.fn(async () => {
        throw new Error('No access request here');
      }),
    });

    expect(
      await screen.findByText('Error: No access request here', {
        selector: 'h6',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Tracking')).not.toBeInTheDocument();
  });

  it('shows what people and systems wrote as text, and links only http(s) references', async () => {
    const hostile = makeRequest({
      state: 'provisioning',
      purpose: {
        category: 'analytics',
        text: '<script>alert("purpose")</script>',
      },
      delivery: {
        adapter: 'ticket',
        reference: SCRIPT_URL,
        externalStatus: '<img src=x onerror=alert(1)>',
        attempts: 1,
      },
    });
    await renderPage(hostile, [
      makeEvent(hostile, { reason: '<b>bold</b> javascript:void(0)' }),
    ]);

    expect(
      await screen.findByText('<script>alert("purpose")</script>'),
    ).toBeInTheDocument();
    expect(screen.getByText(SCRIPT_URL)).toBeInTheDocument();
    expect(
      screen.getByText('<img src=x onerror=alert(1)>'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Reason: <b>bold</b> javascript:void(0)'),
    ).toBeInTheDocument();
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
  });

  it('links a delivery reference that is an https address', async () => {
    const request = makeRequest({
      state: 'provisioning',
      delivery: {
        adapter: 'ticket',
        reference: 'https://tickets.example.com/browse/DATA-12',
        attempts: 1,
      },
    });
    await renderPage(request, [makeEvent(request, {})]);

    expect(
      await screen.findByRole('link', {
        name: /tickets\.example\.com\/browse\/DATA-12/,
      }),
    ).toHaveAttribute('href', 'https://tickets.example.com/browse/DATA-12');
  });
});
