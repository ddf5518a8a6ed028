import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DataMarketplaceClient,
  dataMarketplaceApiRef,
  type Cycle,
  type MetricsPeriod,
} from '../../api';
import {
  currentSearch,
  cycleTimeseries,
  demoEntities,
  EXPORT_CSV,
  fakeDataMarketplaceApi,
  InMemoryCatalog,
  metricsSummary,
  renderWithCatalog,
  reuseTimeseries,
} from '../../__testUtils__';
import { MeshMetricsPage } from './MeshMetricsPage';

// Material UI renders slowly in jsdom, and the page draws six charts.
jest.setTimeout(30_000);

function tile(label: string): string {
  return screen.getByRole('group', { name: label }).textContent ?? '';
}

function rows(tableName: string): string[][] {
  const table = screen.getByRole('table', { name: tableName });
  return within(table)
    .getAllByRole('row')
    .slice(2)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

async function chooseOption(selectLabel: string, option: string) {
  await userEvent.click(screen.getByRole('button', { name: selectLabel }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

async function renderPage(
  api: unknown = fakeDataMarketplaceApi(),
  routeEntries?: string[],
) {
  return renderWithCatalog(<MeshMetricsPage />, {
    catalog: new InMemoryCatalog(demoEntities()),
    apis: [[dataMarketplaceApiRef, api]],
    routeEntries,
  });
}

describe('MeshMetricsPage', () => {
  it('shows reuse and each cycle’s median and p90 with their units and definitions', async () => {
    const api = fakeDataMarketplaceApi();
    await renderPage(api);

    await screen.findByRole('group', { name: 'Cycle 1: creating a product' });
    expect(api.getMetricsSummary).toHaveBeenCalledWith({ domain: undefined });
    expect(tile('Cycle 1: creating a product')).toContain('median 6 hours');
    expect(tile('Cycle 1: creating a product')).toContain(
      'p90 30 hours · 3 lead times',
    );
    expect(tile('Cycle 2: updating a product')).toContain('median 30 minutes');
    expect(tile('Cycle 3: consuming a product')).toContain('median 11 hours');
    expect(tile('Cycle 3: consuming a product')).toContain('p90 3 days');
    expect(tile('Cycle 3: waiting for decision')).toContain('median 6 hours');
    expect(tile('Cycle 3: waiting for delivery')).toContain('median 4.5 hours');
    expect(tile('Consumers per product')).toContain('1 on average');
    expect(tile('Consumers per product')).toContain('median 0.5, p90 3');
    expect(tile('Products with no consumer')).toContain('50%');
    expect(tile('Products with no consumer')).toContain('2 of 4 products');

    expect(rows('Lead times per domain')).toEqual([
      [
        expect.stringMatching(/asset/i),
        '30 hours',
        '30 hours',
        '30 minutes',
        '30 minutes',
        '41.5 hours',
        '3 days',
      ],
      [
        expect.stringMatching(/brokerage/i),
        '4 hours',
        '6 hours',
        '—',
        '—',
        '8 hours',
        '9 hours',
      ],
      [
        'Overall',
        '6 hours',
        '30 hours',
        '30 minutes',
        '30 minutes',
        '11 hours',
        '3 days',
      ],
    ]);
    expect(
      screen.getByText(/From the access request to access granted/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/p90: 90% of lead times were at or below it/),
    ).not.toHaveLength(0);

    // The charts of each cycle, the split of Cycle 3 and reuse, per week.
    await screen.findByRole('figure', {
      name: 'Cycle 1: creating a product, median and p90 (hours)',
    });
    for (const cycle of [1, 2, 3]) {
      expect(api.getCycleTimeseries).toHaveBeenCalledWith({
        cycle,
        period: 'week',
        domain: undefined,
      });
    }
    const cycle3 = screen.getByRole('figure', {
      name: 'Cycle 3: consuming a product, median and p90 (days)',
    });
    expect(cycle3.querySelectorAll('.recharts-line-curve')).toHaveLength(2);
    expect(within(cycle3).getByText('2026-W47')).toBeInTheDocument();
    const split = screen.getByRole('figure', {
      name: 'Cycle 3: waiting for decision and for delivery, medians (hours)',
    });
    // Two segments in each of the three weeks, stacked: at the same x, one above the other.
    const segments = [
      ...split.querySelectorAll('.recharts-bar-rectangle path'),
    ];
    expect(segments).toHaveLength(6);
    const [decision, delivery] = [segments[0], segments[3]].map(path => ({
      x: path.getAttribute('x'),
      y: Number(path.getAttribute('y')),
      height: Number(path.getAttribute('height')),
    }));
    expect(delivery.x).toBe(decision.x);
    expect(delivery.y + delivery.height).toBeCloseTo(decision.y);
    expect(within(split).getByText('Waiting for decision')).toBeInTheDocument();
    expect(
      screen.getByRole('figure', { name: 'Consumers per product over time' }),
    ).toBeInTheDocument();
  });

  it('asks for the selected domain and period, and keeps them in the URL', async () => {
    const api = fakeDataMarketplaceApi();
    const { container } = await renderPage(api);
    await screen.findByRole('group', { name: 'Cycle 1: creating a product' });

    await chooseOption('Domain', 'Brokerage');

    await waitFor(() =>
      expect(tile('Cycle 1: creating a product')).toContain('median 4 hours'),
    );
    expect(api.getMetricsSummary).toHaveBeenLastCalledWith({
      domain: 'domain:default/brokerage',
    });
    expect(api.getReuseTimeseries).toHaveBeenLastCalledWith({
      period: 'week',
      domain: 'domain:default/brokerage',
    });
    // No lead time is a dash, never a zero.
    expect(tile('Cycle 2: updating a product')).toContain(
      'median —p90 — · 0 lead times',
    );
    expect(currentSearch(container).get('domain')).toBe(
      'domain:default/brokerage',
    );

    await chooseOption('Period', 'Month');

    await waitFor(() =>
      expect(api.getCycleTimeseries).toHaveBeenLastCalledWith({
        cycle: 3,
        period: 'month',
        domain: 'domain:default/brokerage',
      }),
    );
    expect(currentSearch(container).get('period')).toBe('month');
    const cycle1 = await screen.findByRole('figure', {
      name: /^Cycle 1: creating a product, median and p90/,
    });
    await waitFor(() =>
      expect(within(cycle1).getByText('2026-10')).toBeInTheDocument(),
    );
    expect(within(cycle1).queryByText('2026-W47')).toBeNull();
  });

  describe('export', () => {
    const saved: Array<{ href: string; download: string }> = [];
    const objectUrls = new Map<string, Blob>();

    beforeEach(() => {
      saved.length = 0;
      objectUrls.clear();
      // jsdom has no object URLs, and would try to navigate on a click.
      URL.createObjectURL = jest.fn((blob: Blob) => {
        const url = `blob:test/${objectUrls.size + 1}`;
        objectUrls.set(url, blob);
        return url;
      });
      URL.revokeObjectURL = jest.fn();
      jest
        .spyOn(HTMLAnchorElement.prototype, 'click')
        .mockImplementation(function record(this: HTMLAnchorElement) {
          saved.push({ href: this.href, download: this.download });
        });
    });

    afterEach(() => {
      jest.restoreAllMocks();
    });

    /** The real client, over a fetch that answers as the backend would. */
    function clientOverFakeFetch() {
      const json = (body: unknown) =>
        new Response(JSON.stringify(body), {
          headers: { 'Content-Type': 'application/json' },
        });
      const fetch = jest.fn(async (input: RequestInfo | URL) => {
        const url = new URL(String(input));
        const domain = url.searchParams.get('domain') ?? undefined;
        const period = (url.searchParams.get('period') ??
          'week') as MetricsPeriod;
        switch (url.pathname) {
          case '/api/data-marketplace/metrics/summary':
            return json(metricsSummary(domain));
          case '/api/data-marketplace/metrics/timeseries':
            return json(
              cycleTimeseries(
                Number(url.searchParams.get('cycle')) as Cycle,
                period,
                domain,
              ),
            );
          case '/api/data-marketplace/metrics/reuse/timeseries':
            return json(reuseTimeseries(period, domain));
          case '/api/data-marketplace/metrics/export':
            return new Response(EXPORT_CSV, {
              headers: {
                'Content-Type': 'text/csv; charset=utf-8',
                'Content-Disposition':
                  'attachment; filename="mesh-metrics-2026-11-20.csv"',
              },
            });
          default:
            return new Response('{}', { status: 404 });
        }
      });
      const client = new DataMarketplaceClient({
        discoveryApi: {
          getBaseUrl: async () => 'http://localhost:7007/api/data-marketplace',
        },
        fetchApi: { fetch },
      });
      return { client, fetch };
    }

    it('downloads the selected domain’s lead times through fetchApi and saves the file', async () => {
      const { client, fetch } = clientOverFakeFetch();
      await renderPage(client, ['/?domain=domain:default/brokerage']);
      await screen.findByRole('group', { name: 'Cycle 1: creating a product' });

      await userEvent.click(screen.getByRole('button', { name: /Export CSV/ }));

      await waitFor(() => expect(saved).toHaveLength(1));
      const exportCall = fetch.mock.calls
        .map(([input]) => new URL(String(input)))
        .find(url => url.pathname.endsWith('/metrics/export'))!;
      expect(Object.fromEntries(exportCall.searchParams)).toEqual({
        format: 'csv',
        domain: 'domain:default/brokerage',
      });
      expect(saved[0]).toEqual({
        href: 'blob:test/1',
        download: 'mesh-metrics-2026-11-20.csv',
      });
      expect(await objectUrls.get('blob:test/1')!.text()).toBe(EXPORT_CSV);
      await waitFor(() =>
        expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1'),
      );
    });

    it('asks for JSON with the JSON button', async () => {
      const api = fakeDataMarketplaceApi();
      await renderPage(api);
      await screen.findByRole('group', { name: 'Cycle 1: creating a product' });

      await userEvent.click(
        screen.getByRole('button', { name: /Export JSON/ }),
      );

      await waitFor(() => expect(saved).toHaveLength(1));
      expect(api.exportMetrics).toHaveBeenCalledWith({
        format: 'json',
        domain: undefined,
      });
      expect(saved[0].download).toBe('mesh-metrics-2026-11-20.json');
    });
  });

  it('shows the backend’s error', async () => {
    const api = fakeDataMarketplaceApi();
    api.getMetricsSummary.mockRejectedValue(
      new Error('Invalid query: domain: expected a domain entity ref'),
    );
    await renderPage(api);

    expect((await screen.findAllByRole('alert'))[0]).toHaveTextContent(
      'expected a domain entity ref',
    );
  });
});
