import type { Entity } from '@backstage/catalog-model';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  currentSearch,
  demoEntities,
  demoProductCopies,
  InMemoryCatalog,
  renderWithCatalog,
} from '../../__testUtils__';
import { CARD_FIELDS, SEARCH_FIELDS } from './marketplaceQuery';
import { MarketplacePage } from './MarketplacePage';
import { SEARCH_DEBOUNCE_MS } from './SearchBox';

const PRODUCT_TITLES = [
  'Credit risk dashboard',
  'Entity ratings',
  'Property portfolio',
  'Rental income forecast',
  'Tenancy analytics',
];

function demoCatalog(extra: Entity[] = []) {
  const catalog = new InMemoryCatalog([
    ...demoEntities({
      consumers: {
        'entity-ratings': [
          'component:default/credit-risk-dashboard-app',
          'group:default/data-office',
        ],
        'tenancy-analytics': ['group:default/data-office'],
      },
      annotations: {
        'entity-ratings': { 'datamesh/governance-status': 'passing' },
        'credit-risk-dashboard': { 'datamesh/governance-status': 'failing' },
      },
    }),
    ...extra,
  ]);
  jest.spyOn(catalog, 'queryEntities');
  jest.spyOn(catalog, 'getEntityFacets');
  return catalog;
}

/** The titles of the product cards shown, in order. */
function cardTitles(): string[] {
  const list = screen.queryByRole('list', { name: 'Data products' });
  return list
    ? within(list)
        .getAllByRole('article')
        .map(card => card.getAttribute('aria-label') ?? '')
    : [];
}

function facetGroup(name: string) {
  return screen.getByRole('group', { name });
}

/** value → count as the facet group shows them. */
function facetCounts(name: string): Record<string, string> {
  const group = facetGroup(name);
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

// Material UI renders slowly in jsdom; each test walks several catalog round trips.
jest.setTimeout(30_000);

/**
 * How long a typed search may take to show its results: the search box's debounce, then the
 * query and Material UI's render, which on a loaded machine take well over waitFor's default
 * of one second in jsdom. waitFor returns as soon as the expectation holds.
 */
const SEARCH_SETTLES = { timeout: SEARCH_DEBOUNCE_MS + 10_000 };

describe('MarketplacePage', () => {
  it('lists the products by title with one catalog query for the page and one for the facets', async () => {
    const catalog = demoCatalog();
    await renderWithCatalog(<MarketplacePage />, { catalog });

    await waitFor(() => expect(cardTitles()).toEqual(PRODUCT_TITLES));
    expect(screen.getByText('5 data products')).toBeInTheDocument();
    expect(catalog.queryEntities).toHaveBeenCalledWith({
      filter: { kind: 'DataProduct' },
      orderFields: [{ field: 'metadata.title', order: 'asc' }],
      limit: 24,
      fields: CARD_FIELDS,
    });
    expect(catalog.getEntityFacets).toHaveBeenCalledTimes(1);
    expect(catalog.getEntityFacets).toHaveBeenCalledWith({
      filter: { kind: 'DataProduct' },
      facets: expect.arrayContaining(['spec.domain', 'spec.outputPorts.type']),
    });
  });

  it('shows each card with its domain, owner, classification, freshness, consumers and governance', async () => {
    await renderWithCatalog(<MarketplacePage />, { catalog: demoCatalog() });

    const card = await screen.findByRole('article', { name: 'Entity ratings' });
    expect(
      within(card).getByRole('link', { name: 'Entity ratings' }),
    ).toHaveAttribute('href', '/catalog/default/dataproduct/entity-ratings');
    expect(within(card).getByText('brokerage')).toBeInTheDocument();
    expect(within(card).getByText('brokerage-data-team')).toBeInTheDocument();
    expect(within(card).getByText('Restricted')).toBeInTheDocument();
    expect(within(card).getByText('Updated daily')).toBeInTheDocument();
    expect(within(card).getByText('SQL view')).toBeInTheDocument();
    expect(within(card).getByTestId('consumer-count')).toHaveTextContent(
      '2 consumers',
    );
    expect(within(card).getByTestId('governance-badge')).toHaveTextContent(
      'Governance: Passing',
    );
    expect(
      within(card).getByText(/The credit rating history/),
    ).toBeInTheDocument();

    const dashboard = screen.getByRole('article', {
      name: 'Credit risk dashboard',
    });
    expect(within(dashboard).getByTestId('consumer-count')).toHaveTextContent(
      '0 consumers',
    );
  });

  it('shows facet counts with humanized values, and hides governance when no product has a status', async () => {
    await renderWithCatalog(<MarketplacePage />, { catalog: demoCatalog() });

    await waitFor(() =>
      expect(facetCounts('Domain')).toEqual({
        brokerage: '2',
        'capital-markets': '2',
        asset: '1',
      }),
    );
    expect(facetCounts('Classification')).toEqual({
      Restricted: '2',
      Confidential: '2',
    });
    expect(facetCounts('Output port type')).toMatchObject({
      Table: expect.any(String),
      'SQL view': expect.any(String),
    });
    expect(facetCounts('Governance status')).toEqual({
      Failing: '1',
      Passing: '1',
    });

    const plain = new InMemoryCatalog(demoEntities());
    await renderWithCatalog(<MarketplacePage />, { catalog: plain });
    await waitFor(() =>
      expect(screen.getAllByRole('group', { name: 'Domain' })).toHaveLength(2),
    );
    expect(
      screen.getAllByRole('group', { name: 'Governance status' }),
    ).toHaveLength(1);
  });

  it('selecting a facet filters the products, keeps the other values of that facet and writes the URL', async () => {
    const catalog = demoCatalog();
    const { container } = await renderWithCatalog(<MarketplacePage />, {
      catalog,
    });
    await waitFor(() => expect(cardTitles()).toHaveLength(5));

    await userEvent.click(
      within(facetGroup('Domain')).getByRole('checkbox', {
        name: /^brokerage/,
      }),
    );

    await waitFor(() =>
      expect(cardTitles()).toEqual(['Entity ratings', 'Tenancy analytics']),
    );
    expect(currentSearch(container).getAll('domain')).toEqual([
      'domain:default/brokerage',
    ]);
    expect(catalog.queryEntities).toHaveBeenLastCalledWith(
      expect.objectContaining({
        filter: {
          kind: 'DataProduct',
          'spec.domain': 'domain:default/brokerage',
        },
      }),
    );
    // Standard faceting: the domain facet is counted without its own selection ...
    expect(catalog.getEntityFacets).toHaveBeenCalledWith({
      filter: { kind: 'DataProduct' },
      facets: ['spec.domain'],
    });
    await waitFor(() =>
      expect(facetCounts('Domain')).toEqual({
        brokerage: '2',
        'capital-markets': '2',
        asset: '1',
      }),
    );
    // ... the other facets under it.
    expect(facetCounts('Owner')).toEqual({ 'brokerage-data-team': '2' });

    // A second value of the same facet widens the search (OR).
    await userEvent.click(
      within(facetGroup('Domain')).getByRole('checkbox', { name: /^asset/ }),
    );
    await waitFor(() => expect(cardTitles()).toHaveLength(3));
    expect(currentSearch(container).getAll('domain')).toEqual([
      'domain:default/brokerage',
      'domain:default/asset',
    ]);
  });

  it('restores a shared search from the URL', async () => {
    const catalog = demoCatalog();
    await renderWithCatalog(<MarketplacePage />, {
      catalog,
      routeEntries: [
        '/data-marketplace?q=ratings&classification=restricted&sort=newest',
      ],
    });

    await waitFor(() => expect(cardTitles()).toEqual(['Entity ratings']));
    expect(
      screen.getByRole('textbox', { name: 'Search data products' }),
    ).toHaveValue('ratings');
    expect(
      within(facetGroup('Classification')).getByRole('checkbox', {
        name: /^Restricted/,
      }),
    ).toBeChecked();
    expect(screen.getByRole('button', { name: /Sort by/ })).toHaveTextContent(
      'Newest',
    );
    expect(catalog.queryEntities).toHaveBeenCalledWith({
      filter: { kind: 'DataProduct', 'spec.classification': 'restricted' },
      fullTextFilter: { term: 'ratings', fields: SEARCH_FIELDS },
      orderFields: [
        { field: 'metadata.annotations.datamesh/listed-at', order: 'desc' },
      ],
      limit: 24,
      fields: CARD_FIELDS,
    });
  });

  it('searches once typing pauses, and puts the term in the URL', async () => {
    const catalog = demoCatalog();
    const { container } = await renderWithCatalog(<MarketplacePage />, {
      catalog,
    });
    await waitFor(() => expect(cardTitles()).toHaveLength(5));
    const pageQueries = () =>
      (catalog.queryEntities as jest.Mock).mock.calls.length;
    const before = pageQueries();

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
    // Seven keys, one query: the debounce held the rest back.
    expect(pageQueries() - before).toBe(1);
    expect(catalog.queryEntities).toHaveBeenLastCalledWith(
      expect.objectContaining({
        fullTextFilter: { term: 'tenancy', fields: SEARCH_FIELDS },
      }),
    );
    expect(catalog.queryEntities).toHaveBeenLastCalledWith(
      expect.not.objectContaining({ orderFields: expect.anything() }),
    );
  });

  it('sorts by the most consumed products', async () => {
    const catalog = demoCatalog();
    const { container } = await renderWithCatalog(<MarketplacePage />, {
      catalog,
    });
    await waitFor(() => expect(cardTitles()).toHaveLength(5));

    await userEvent.click(screen.getByRole('button', { name: /Sort by/ }));
    expect(
      screen.getAllByRole('option').map(option => option.textContent),
    ).toEqual(['Name', 'Newest', 'Most consumed']);
    await userEvent.click(
      screen.getByRole('option', { name: 'Most consumed' }),
    );

    await waitFor(() =>
      expect(cardTitles().slice(0, 2)).toEqual([
        'Entity ratings',
        'Tenancy analytics',
      ]),
    );
    expect(currentSearch(container).get('sort')).toBe('consumed');
  });

  it('pages through the results with the catalog cursor in the URL', async () => {
    const catalog = demoCatalog(demoProductCopies(25));
    const { container } = await renderWithCatalog(<MarketplacePage />, {
      catalog,
    });

    await waitFor(() => expect(cardTitles()).toHaveLength(24));
    expect(screen.getByText('1–24 of 30')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(cardTitles()).toHaveLength(6));
    expect(screen.getByText('25–30 of 30')).toBeInTheDocument();
    const params = currentSearch(container);
    expect(params.get('page')).toBe('2');
    expect(params.get('cursor')).toBeTruthy();
    expect(catalog.queryEntities).toHaveBeenLastCalledWith({
      cursor: params.get('cursor'),
      limit: 24,
      fields: CARD_FIELDS,
    });
    expect(cardTitles()).toContain('Tenancy analytics');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(cardTitles()).toHaveLength(24));
    expect(currentSearch(container).has('cursor')).toBe(false);
    expect(cardTitles()[0]).toBe('Credit risk dashboard');
  });

  it('says so when no product matches, and offers to clear the filters', async () => {
    await renderWithCatalog(<MarketplacePage />, {
      catalog: demoCatalog(),
      routeEntries: ['/?q=nothing-like-this&domain=domain:default/asset'],
    });

    expect(
      await screen.findByText('No data product matches'),
    ).toBeInTheDocument();
    expect(cardTitles()).toEqual([]);
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Clear filters' }).at(-1)!,
    );
    await waitFor(() =>
      expect(screen.queryByText('No data product matches')).toBeInTheDocument(),
    );
  });

  it('shows progress while the catalog answers, and its error when it fails', async () => {
    const pending = new InMemoryCatalog([]);
    jest.spyOn(pending, 'queryEntities').mockReturnValue(new Promise(() => {}));
    await renderWithCatalog(<MarketplacePage />, { catalog: pending });
    expect(screen.getAllByTestId('progress').length).toBeGreaterThan(0);
    expect(cardTitles()).toEqual([]);

    const failing = new InMemoryCatalog([]);
    jest
      .spyOn(failing, 'queryEntities')
      .mockRejectedValue(new Error('catalog is down'));
    await renderWithCatalog(<MarketplacePage />, { catalog: failing });
    expect(
      await screen.findByText(/The data products could not be loaded/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/catalog is down/).length).toBeGreaterThan(0);
  });

  it('puts the app’s actions in every card', async () => {
    await renderWithCatalog(
      <MarketplacePage
        cardActions={entity => (
          <button type="button">
            Request access to {entity.metadata.name}
          </button>
        )}
      />,
      { catalog: demoCatalog() },
    );

    const card = await screen.findByRole('article', { name: 'Entity ratings' });
    expect(
      within(card).getByRole('button', {
        name: 'Request access to entity-ratings',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('button', { name: /^Request access to/ }),
    ).toHaveLength(5);
  });
});
