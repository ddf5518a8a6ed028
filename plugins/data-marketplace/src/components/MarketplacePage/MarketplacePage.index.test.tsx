import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dataMarketplaceApiRef } from '../../api';
import {
  currentSearch,
  demoEntities,
  demoIndexedProducts,
  demoProductCopies,
  fakeDataMarketplaceApi,
  fakeIndexQuery,
  indexedProduct,
  InMemoryCatalog,
  renderWithCatalog,
} from '../../__testUtils__';
import { indexRefusedError } from './__testUtils__/indexResponseError';
import { MarketplacePage } from './MarketplacePage';
import { SEARCH_DEBOUNCE_MS } from './SearchBox';

// The page as it runs with the data-marketplace backend: one index call per search, whose
// answers (fakeIndexQuery) follow the backend's semantics. The catalog must not be asked.

/** The titles of the product cards shown, in order. */
function cardTitles(): string[] {
  const list = screen.queryByRole('list', { name: 'Data products' });
  return list
    ? within(list)
        .getAllByRole('article')
        .map(card => card.getAttribute('aria-label') ?? '')
    : [];
}

/** value → count as a facet group shows them. */
function facetCounts(name: string): Record<string, string> {
  const group = screen.getByRole('group', { name });
  return Object.fromEntries(
    within(group)
      .getAllByRole('checkbox')
      .map(checkbox => {
        const label = checkbox.closest('label')!;
        const count = within(label).getByTestId('facet-count').textContent!;
        return [label.textContent!.slice(0, -count.length), count];
      }),
  );
}

function spiedCatalog() {
  const catalog = new InMemoryCatalog(demoEntities());
  jest.spyOn(catalog, 'queryEntities');
  jest.spyOn(catalog, 'getEntityFacets');
  return catalog;
}

/** Renders the page with a backend whose index holds `products` (the demo's by default). */
async function renderWithIndex(
  options: {
    products?: ReturnType<typeof demoIndexedProducts>;
    indexedAt?: string | null;
    routeEntries?: string[];
    cardActions?: (entity: Entity) => JSX.Element;
  } = {},
) {
  const api = fakeDataMarketplaceApi();
  api.queryProducts.mockImplementation(
    fakeIndexQuery(options.products, options.indexedAt),
  );
  const catalog = spiedCatalog();
  const rendered = await renderWithCatalog(
    <MarketplacePage cardActions={options.cardActions} />,
    {
      catalog,
      routeEntries: options.routeEntries,
      apis: [[dataMarketplaceApiRef, api]],
    },
  );
  return { ...rendered, api, catalog };
}

function expectNoCatalogCalls(catalog: InMemoryCatalog) {
  expect(catalog.queryEntities).not.toHaveBeenCalled();
  expect(catalog.getEntityFacets).not.toHaveBeenCalled();
}

const fiveMinutesAgo = () => new Date(Date.now() - 5 * 60_000).toISOString();

// Material UI renders slowly in jsdom; each test walks several round trips.
jest.setTimeout(30_000);

/**
 * How long a typed search may take to show its results: the search box's debounce, then the
 * query and Material UI's render, which on a loaded machine take well over waitFor's default
 * of one second in jsdom. waitFor returns as soon as the expectation holds.
 */
const SEARCH_SETTLES = { timeout: SEARCH_DEBOUNCE_MS + 10_000 };

describe('MarketplacePage with the backend’s index', () => {
  it('asks the index once for the page and the facets, and shows its cards, counts and freshness', async () => {
    const { api, catalog } = await renderWithIndex({
      indexedAt: fiveMinutesAgo(),
    });

    await waitFor(() =>
      expect(cardTitles()).toEqual([
        'Credit risk dashboard',
        'Entity ratings',
        'Property portfolio',
        'Rental income forecast',
        'Tenancy analytics',
      ]),
    );
    expect(api.queryProducts).toHaveBeenCalledTimes(1);
    expect(api.queryProducts).toHaveBeenCalledWith({
      filters: {},
      sort: 'name',
      offset: 0,
      limit: 24,
    });
    expectNoCatalogCalls(catalog);
    expect(screen.getByText('5 data products')).toBeInTheDocument();
    expect(screen.getByTestId('index-updated-at')).toHaveTextContent(
      'Updated 5 minutes ago',
    );

    // Consumers and governance come from the index, not from the entity's relations.
    const ratings = screen.getByRole('article', { name: 'Entity ratings' });
    expect(
      within(ratings).getByRole('link', { name: 'Entity ratings' }),
    ).toHaveAttribute('href', '/catalog/default/dataproduct/entity-ratings');
    expect(within(ratings).getByTestId('consumer-count')).toHaveTextContent(
      '2 consumers',
    );
    expect(within(ratings).getByTestId('governance-badge')).toHaveTextContent(
      'Governance: Passing',
    );
    expect(within(ratings).getByText('SQL view')).toBeInTheDocument();
    const tenancy = screen.getByRole('article', { name: 'Tenancy analytics' });
    expect(within(tenancy).getByTestId('consumer-count')).toHaveTextContent(
      '1 consumer',
    );
    expect(
      within(
        screen.getByRole('article', { name: 'Credit risk dashboard' }),
      ).getByTestId('governance-badge'),
    ).toHaveTextContent('Governance: Failing');
    expect(
      within(
        screen.getByRole('article', { name: 'Property portfolio' }),
      ).queryByTestId('governance-badge'),
    ).not.toBeInTheDocument();

    await waitFor(() =>
      expect(facetCounts('Domain')).toEqual({
        brokerage: '2',
        'capital-markets': '2',
        asset: '1',
      }),
    );
    expect(facetCounts('Governance status')).toEqual({
      Failing: '1',
      Passing: '1',
    });
  });

  it('sends the term, the facets, the sort and the page of a shared URL', async () => {
    const copies = demoProductCopies(60).map(entity =>
      indexedProduct(entity, { consumerCount: 1 }),
    );
    const { api } = await renderWithIndex({
      products: copies,
      routeEntries: [
        '/data-marketplace?q=ratings&classification=restricted&tag=credit&tag=lei&sort=consumed&cursor=index&page=3',
      ],
    });

    await waitFor(() => expect(cardTitles()).toHaveLength(12));
    expect(api.queryProducts).toHaveBeenCalledTimes(1);
    expect(api.queryProducts).toHaveBeenCalledWith({
      term: 'ratings',
      filters: { classification: ['restricted'], tag: ['credit', 'lei'] },
      sort: 'most-consumed',
      offset: 48,
      limit: 24,
    });
    expect(screen.getByText('49–60 of 60')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(screen.getByRole('button', { name: /Sort by/ })).toHaveTextContent(
      'Most consumed',
    );
  });

  it('counts the facets under the search term, without the catalog’s caveat', async () => {
    const { api, container } = await renderWithIndex();
    await waitFor(() => expect(cardTitles()).toHaveLength(5));

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search data products' }),
      'tenancy',
    );

    await waitFor(
      () => expect(cardTitles()).toEqual(['Tenancy analytics']),
      SEARCH_SETTLES,
    );
    expect(currentSearch(container).get('q')).toBe('tenancy');
    expect(api.queryProducts).toHaveBeenLastCalledWith({
      term: 'tenancy',
      filters: {},
      sort: 'relevance',
      offset: 0,
      limit: 24,
    });
    // One search, one call: the debounce held the keystrokes back.
    expect(api.queryProducts).toHaveBeenCalledTimes(2);
    expect(facetCounts('Domain')).toEqual({ brokerage: '1' });
    expect(
      screen.queryByText(/the search text is not counted/),
    ).not.toBeInTheDocument();
  });

  it('filters by a facet with the index’s value, and counts that facet without its selection', async () => {
    const { api, catalog, container } = await renderWithIndex();
    await waitFor(() => expect(cardTitles()).toHaveLength(5));

    await userEvent.click(
      within(screen.getByRole('group', { name: 'Domain' })).getByRole(
        'checkbox',
        { name: /^brokerage/ },
      ),
    );

    await waitFor(() =>
      expect(cardTitles()).toEqual(['Entity ratings', 'Tenancy analytics']),
    );
    expect(currentSearch(container).getAll('domain')).toEqual([
      'domain:default/brokerage',
    ]);
    expect(api.queryProducts).toHaveBeenLastCalledWith(
      expect.objectContaining({
        filters: { domain: ['domain:default/brokerage'] },
      }),
    );
    expect(facetCounts('Domain')).toEqual({
      brokerage: '2',
      'capital-markets': '2',
      asset: '1',
    });
    expect(facetCounts('Owner')).toEqual({ 'brokerage-data-team': '2' });
    expectNoCatalogCalls(catalog);
  });

  it('pages by offset, with the page number in the URL', async () => {
    const products = [
      ...demoIndexedProducts(),
      ...demoProductCopies(25).map(entity => indexedProduct(entity)),
    ];
    const { api, container } = await renderWithIndex({ products });

    await waitFor(() => expect(cardTitles()).toHaveLength(24));
    expect(screen.getByText('1–24 of 30')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(cardTitles()).toHaveLength(6));
    expect(screen.getByText('25–30 of 30')).toBeInTheDocument();
    expect(currentSearch(container).get('page')).toBe('2');
    expect(api.queryProducts).toHaveBeenLastCalledWith(
      expect.objectContaining({ offset: 24, limit: 24 }),
    );
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(cardTitles()).toHaveLength(24));
    expect(currentSearch(container).has('page')).toBe(false);
    expect(api.queryProducts).toHaveBeenLastCalledWith(
      expect.objectContaining({ offset: 0 }),
    );
  });

  it('offers the first page when a shared page is past the last one', async () => {
    const { container } = await renderWithIndex({
      routeEntries: ['/data-marketplace?cursor=index&page=9'],
    });

    expect(
      await screen.findByText('This page is past the last one'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Back to the first page' }),
    );
    await waitFor(() => expect(cardTitles()).toHaveLength(5));
    expect(currentSearch(container).has('page')).toBe(false);
  });

  it('says so when nothing matches', async () => {
    await renderWithIndex({
      routeEntries: ['/data-marketplace?q=nothing-like-this'],
    });

    expect(
      await screen.findByText('No data product matches'),
    ).toBeInTheDocument();
    expect(cardTitles()).toEqual([]);
  });

  it('shows progress while the index answers, and its error once when it fails', async () => {
    const pending = fakeDataMarketplaceApi();
    pending.queryProducts.mockReturnValue(new Promise(() => {}));
    const catalog = spiedCatalog();
    await renderWithCatalog(<MarketplacePage />, {
      catalog,
      apis: [[dataMarketplaceApiRef, pending]],
    });
    expect(screen.getAllByTestId('progress').length).toBeGreaterThan(0);
    expect(cardTitles()).toEqual([]);

    const failing = fakeDataMarketplaceApi();
    failing.queryProducts.mockRejectedValue(
      await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: { name: 'Error', message: 'The index is unreachable' },
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
    await renderWithCatalog(<MarketplacePage />, {
      catalog,
      apis: [[dataMarketplaceApiRef, failing]],
    });
    expect(
      await screen.findByText(/The data products could not be loaded/),
    ).toBeInTheDocument();
    // One call failed: one error, and no fallback to the catalog for a failure that is no 404.
    expect(
      screen.queryByText(/Filters could not be loaded/),
    ).not.toBeInTheDocument();
    expectNoCatalogCalls(catalog);
  });

  it('shows no freshness before the indexer’s first run', async () => {
    await renderWithIndex({ indexedAt: null });

    await waitFor(() => expect(cardTitles()).toHaveLength(5));
    expect(screen.queryByTestId('index-updated-at')).not.toBeInTheDocument();
  });

  it('gives the card actions the entity with its output ports and the index’s annotations', async () => {
    const actions = jest.fn((entity: Entity) => (
      <button type="button">Request access to {entity.metadata.name}</button>
    ));
    await renderWithIndex({ cardActions: actions });

    const card = await screen.findByRole('article', { name: 'Entity ratings' });
    expect(
      within(card).getByRole('button', {
        name: 'Request access to entity-ratings',
      }),
    ).toBeInTheDocument();
    const ratings = actions.mock.calls
      .map(([entity]) => entity)
      .find(entity => entity.metadata.name === 'entity-ratings')!;
    expect(ratings.kind).toBe('DataProduct');
    expect(ratings.metadata.annotations).toMatchObject({
      'datamesh/consumer-count': '000002',
      'datamesh/governance-status': 'passing',
    });
    // The data-access RequestAccessButton offers these ports by name.
    expect(ratings.spec?.outputPorts).toEqual([
      { name: 'current-ratings', type: 'sql-view' },
      { name: 'rating-history', type: 'table' },
    ]);
  });
});

describe('MarketplacePage on the catalog (no index, or none for this user)', () => {
  it.each([
    // fakeDataMarketplaceApi has no index: its queryProducts answers 404.
    ['has no index (404)', undefined],
    // Where the permission policy hides some entities from the user, only the catalog
    // applies it per entity.
    ['refuses the user (403)', indexRefusedError],
  ])(
    'falls back to the catalog when the backend %s, and stays there',
    async (_, refusal) => {
      const api = fakeDataMarketplaceApi();
      if (refusal) {
        api.queryProducts.mockImplementation(async () => {
          throw await refusal();
        });
      }
      const catalog = spiedCatalog();
      const { container } = await renderWithCatalog(<MarketplacePage />, {
        catalog,
        apis: [[dataMarketplaceApiRef, api]],
      });

      await waitFor(() => expect(cardTitles()).toHaveLength(5));
      expect(catalog.queryEntities).toHaveBeenCalledTimes(1);
      expect(catalog.getEntityFacets).toHaveBeenCalled();
      expect(screen.queryByTestId('index-updated-at')).not.toBeInTheDocument();
      expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();

      await userEvent.type(
        screen.getByRole('textbox', { name: 'Search data products' }),
        'tenancy',
      );
      await waitFor(
        () => expect(currentSearch(container).get('q')).toBe('tenancy'),
        SEARCH_SETTLES,
      );
      await waitFor(
        () => expect(cardTitles()).toEqual(['Tenancy analytics']),
        SEARCH_SETTLES,
      );
      // The catalog cannot count under a term, and the page says so.
      expect(
        screen.getByText(/the search text is not counted in/),
      ).toBeInTheDocument();
      // Asked once: the page stays on the catalog.
      expect(api.queryProducts).toHaveBeenCalledTimes(1);
    },
  );

  it('offers the first page for an index page link, which the catalog cannot follow', async () => {
    const { container } = await renderWithCatalog(<MarketplacePage />, {
      catalog: spiedCatalog(),
      routeEntries: ['/data-marketplace?cursor=index&page=2'],
    });

    expect(
      await screen.findByText(/The data products could not be loaded/),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Back to the first page' }),
    );
    await waitFor(() => expect(cardTitles()).toHaveLength(5));
    expect(currentSearch(container).has('cursor')).toBe(false);
  });
});
