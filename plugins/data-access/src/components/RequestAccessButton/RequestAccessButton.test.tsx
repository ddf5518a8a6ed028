import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useParams } from 'react-router-dom';
import {
  makeRequest,
  onePortProduct,
  SCRIPT_URL,
  tenancyAnalytics,
} from '../../__testUtils__/fixtures';
import { mockDataAccessApi } from '../../__testUtils__/mockDataAccessApi';
import {
  renderWithApis,
  type RenderOptions,
} from '../../__testUtils__/renderWithApis';
import { RequestAccessButton } from './RequestAccessButton';

function RequestPageMarker() {
  const { id } = useParams();
  return <p>Request page of {id}</p>;
}

async function renderButton(
  entity: Entity,
  options: Partial<RenderOptions> = {},
) {
  const api = options.api ?? mockDataAccessApi();
  await renderWithApis(
    <Routes>
      <Route path="/" element={<RequestAccessButton entity={entity} />} />
      <Route path="/data-access/requests/:id" element={<RequestPageMarker />} />
    </Routes>,
    { ...options, api },
  );
  return { api };
}

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Request access' }));
  const dialog = await screen.findByRole('dialog');
  // The categories arrive asynchronously; wait so the form is complete.
  await within(dialog).findByRole('option', {
    name: 'Analytics and reporting',
  });
  return dialog;
}

const badRequest = (message: string) =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'InputError', message },
        response: { statusCode: 400 },
      }),
      { status: 400, statusText: 'Bad Request' },
    ),
  );

const networkFailure = () => new TypeError('Failed to fetch');

// MUI inputs typed into key by key make these tests slower than Jest's default allows.
jest.setTimeout(30000);

describe('RequestAccessButton', () => {
  it('offers the output ports of the product, none chosen when there are several', async () => {
    const user = userEvent.setup();
    await renderButton(tenancyAnalytics);
    const dialog = await openDialog(user);

    expect(
      within(dialog).getByRole('heading', {
        name: 'Request access to Tenancy analytics',
      }),
    ).toBeInTheDocument();
    const port = within(dialog).getByLabelText(/Output port/);
    expect(
      within(port)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual([
      'Choose a port',
      'leases-view (sql-view)',
      'tenants-view (sql-view)',
    ]);
    expect(port).toHaveValue('');
  });

  it('preselects the only output port and shows its description', async () => {
    const user = userEvent.setup();
    await renderButton({
      ...onePortProduct,
      spec: {
        ...onePortProduct.spec,
        outputPorts: [
          { name: 'ratings-table', type: 'table', description: 'Daily' },
        ],
      },
    });
    const dialog = await openDialog(user);

    const port = within(dialog).getByLabelText(/Output port/);
    expect(port).toHaveValue('ratings-table');
    expect(port).toHaveAccessibleDescription('Daily');
  });

  it('shows each validation message under the field it is about', async () => {
    const user = userEvent.setup();
    const { api } = await renderButton(tenancyAnalytics);
    const dialog = await openDialog(user);

    await user.type(within(dialog).getByLabelText(/^Purpose \*/), 'Short');
    await user.click(
      within(dialog).getByRole('button', { name: 'Submit request' }),
    );

    expect(
      within(dialog).getByLabelText(/Output port/),
    ).toHaveAccessibleDescription('Expected the name of an output port');
    expect(
      within(dialog).getByLabelText(/Purpose category/),
    ).toHaveAccessibleDescription('Expected a purpose category');
    expect(
      within(dialog).getByLabelText(/^Purpose \*/),
    ).toHaveAccessibleDescription(
      'Expected the purpose in a sentence (10 characters or more)',
    );
    expect(api.createRequest).not.toHaveBeenCalled();
  });

  it('refuses an end date that is not after today', async () => {
    const user = userEvent.setup();
    const { api } = await renderButton(onePortProduct);
    const dialog = await openDialog(user);

    await user.selectOptions(
      within(dialog).getByLabelText(/Purpose category/),
      'analytics',
    );
    await user.type(
      within(dialog).getByLabelText(/^Purpose \*/),
      'Credit risk dashboard for the desk',
    );
    await user.type(
      within(dialog).getByLabelText(/End date/),
      new Date().toISOString().slice(0, 10),
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Submit request' }),
    );

    expect(
      within(dialog).getByLabelText(/End date/),
    ).toHaveAccessibleDescription('Expected a day after today');
    expect(api.createRequest).not.toHaveBeenCalled();
  });

  it('offers the user, their groups and what their groups own, by title', async () => {
    const user = userEvent.setup();
    await renderButton(onePortProduct, {
      identity: {
        userEntityRef: 'user:default/ana',
        ownershipEntityRefs: [
          'user:default/ana',
          'group:default/capital-markets',
        ],
      },
      catalogEntities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'capital-markets', title: 'Capital Markets' },
          spec: { type: 'team', children: [] },
        },
        ownedBy('Component', 'credit-risk-dashboard', 'capital-markets', {
          title: 'Credit risk dashboard',
        }),
        ownedBy('System', 'risk-platform', 'capital-markets'),
        ownedBy('API', 'risk-api', 'capital-markets'),
        ownedBy('Component', 'leasing-app', 'brokerage'),
      ],
    });
    const dialog = await openDialog(user);
    const consumer = within(dialog).getByLabelText(/On behalf of/);

    await waitFor(() =>
      expect(within(consumer).getAllByRole('option')).toHaveLength(4),
    );
    expect(
      within(consumer)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual([
      'Me (ana)',
      'Capital Markets',
      'Credit risk dashboard (component)',
      'risk-platform (system)',
    ]);
  });

  it('submits the body the API expects and opens the new request', async () => {
    const user = userEvent.setup();
    const api = mockDataAccessApi({
      createRequest: jest.fn(async () => makeRequest({ id: 'req-42' })),
    });
    await renderButton(tenancyAnalytics, {
      api,
      identity: {
        userEntityRef: 'user:default/ana',
        ownershipEntityRefs: ['group:default/capital-markets'],
      },
    });
    const dialog = await openDialog(user);

    await user.selectOptions(
      within(dialog).getByLabelText(/Output port/),
      'tenants-view',
    );
    await user.selectOptions(
      within(dialog).getByLabelText(/Purpose category/),
      'regulatory',
    );
    await user.type(
      within(dialog).getByLabelText(/^Purpose \*/),
      '  Quarterly report to the regulator  ',
    );
    await user.type(within(dialog).getByLabelText(/End date/), '2099-03-31');
    await waitFor(() =>
      expect(
        within(dialog).getByRole('option', { name: 'capital-markets' }),
      ).toBeInTheDocument(),
    );
    await user.selectOptions(
      within(dialog).getByLabelText(/On behalf of/),
      'group:default/capital-markets',
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Submit request' }),
    );

    expect(
      await screen.findByText('Request page of req-42'),
    ).toBeInTheDocument();
    expect(api.createRequest).toHaveBeenCalledTimes(1);
    expect(api.createRequest).toHaveBeenCalledWith(
      {
        dataProduct: 'dataproduct:default/tenancy-analytics',
        outputPort: 'tenants-view',
        purpose: {
          category: 'regulatory',
          text: 'Quarterly report to the regulator',
        },
        consumer: 'group:default/capital-markets',
        endDate: '2099-03-31',
      },
      { idempotencyKey: expect.stringMatching(/^[\x21-\x7e]{1,255}$/) },
    );
  });

  it("shows the server's message, reuses the key for the same retry and not for another body", async () => {
    const user = userEvent.setup();
    const api = mockDataAccessApi({
      createRequest: jest
        .fn()
        .mockRejectedValueOnce(networkFailure())
        .mockRejectedValueOnce(
          await badRequest("purpose.category: unknown purpose category 'x'"),
        )
        .mockResolvedValueOnce(makeRequest({ id: 'req-43' })),
    });
    await renderButton(onePortProduct, { api });
    const dialog = await openDialog(user);
    await user.selectOptions(
      within(dialog).getByLabelText(/Purpose category/),
      'analytics',
    );
    await user.type(
      within(dialog).getByLabelText(/^Purpose \*/),
      'Credit risk dashboard for the desk',
    );
    const submit = within(dialog).getByRole('button', {
      name: 'Submit request',
    });

    await user.click(submit);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Failed to fetch',
    );
    await user.click(submit);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "purpose.category: unknown purpose category 'x'",
    );
    await user.type(within(dialog).getByLabelText(/^Purpose \*/), ' weekly');
    await user.click(submit);

    expect(
      await screen.findByText('Request page of req-43'),
    ).toBeInTheDocument();
    const keys = api.createRequest.mock.calls.map(
      ([, options]) => options.idempotencyKey,
    );
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('works from the keyboard: focus, Tab order, Enter submits, Escape closes', async () => {
    const user = userEvent.setup();
    const api = mockDataAccessApi({
      createRequest: jest.fn(async () => makeRequest({ id: 'req-44' })),
    });
    await renderButton(onePortProduct, { api });

    await user.tab();
    expect(
      screen.getByRole('button', { name: 'Request access' }),
    ).toHaveFocus();
    await user.keyboard('{Enter}');
    let dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText(/Output port/)).toHaveFocus();

    const order = [
      /Purpose category/,
      /^Purpose \*/,
      /End date/,
      /On behalf of/,
    ];
    for (const label of order) {
      await user.tab();
      expect(within(dialog).getByLabelText(label)).toHaveFocus();
    }
    await user.tab();
    expect(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    ).toHaveFocus();
    await user.tab();
    expect(
      within(dialog).getByRole('button', { name: 'Submit request' }),
    ).toHaveFocus();

    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    await user.click(screen.getByRole('button', { name: 'Request access' }));
    dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('option', {
      name: 'Analytics and reporting',
    });
    await user.selectOptions(
      within(dialog).getByLabelText(/Purpose category/),
      'analytics',
    );
    await user.click(within(dialog).getByLabelText(/^Purpose \*/));
    await user.keyboard('Credit risk dashboard for the desk{Enter}');

    expect(
      await screen.findByText('Request page of req-44'),
    ).toBeInTheDocument();
    expect(api.createRequest).toHaveBeenCalledWith(
      expect.objectContaining({
        outputPort: 'ratings-table',
        purpose: {
          category: 'analytics',
          text: 'Credit risk dashboard for the desk',
        },
      }),
      expect.anything(),
    );
  });

  it('shows what a descriptor says as text, never as markup or a javascript: link', async () => {
    const user = userEvent.setup();
    await renderButton({
      ...onePortProduct,
      metadata: {
        name: 'evil',
        title: '<img src=x onerror=alert(1)>',
      },
      spec: {
        ...onePortProduct.spec,
        outputPorts: [
          {
            name: '<script>alert(1)</script>',
            type: 'table',
            description: SCRIPT_URL,
          },
        ],
      },
    });
    const dialog = await openDialog(user);

    expect(
      within(dialog).getByRole('heading', {
        name: 'Request access to <img src=x onerror=alert(1)>',
      }),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('option', {
        name: '<script>alert(1)</script> (table)',
      }),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(SCRIPT_URL)).toBeInTheDocument();
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
  });
});

function ownedBy(
  kind: string,
  name: string,
  group: string,
  metadata: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, ...metadata },
    spec: { owner: `group:default/${group}` },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${group}` }],
  };
}
