import { readDescriptor } from '@datamesh/plugin-data-mesh-common';
import { screen, within } from '@testing-library/react';
import {
  demoEntities,
  demoEntity,
  InMemoryCatalog,
  readCatalogFile,
  renderWithCatalog,
} from '../../__testUtils__';
import { EntityDataProductOverviewCard } from './EntityDataProductOverviewCard';

/** The real Entity ratings descriptor with hostile text in place of its description. */
function hostileProduct() {
  const text = readCatalogFile('brokerage/entity-ratings.odps.yaml').replace(
    /^description:\n(?: {2}.*\n| {4}.*\n)+/m,
    [
      'description:',
      '  purpose: |',
      '    Ratings <script>window.pwned = "script"</script> for **tenants**.',
      '',
      '    <img src="x" onerror="window.pwned = \'img\'">',
      '  limitations: |',
      '    <iframe src="https://evil.example/"></iframe>',
      '',
      '    Known issue: <b onclick="window.pwned = \'click\'">bold</b> LEI gaps.',
      '  usage: |',
      '    [Click me](javascript:window.pwned=1), [docs](https://docs.premium-offices.example/ratings)',
      '    and <a href="javascript:alert(1)">raw link</a>.',
      '',
    ].join('\n'),
  );
  const result = readDescriptor(text);
  expect(result.errors).toEqual([]);
  const [product] = result.entities;
  expect((product.spec as any).description.purpose).toContain('<script>');
  return product;
}

// Built at run time: the lint rule forbids script URLs as literals, and these tests are
// about refusing them.
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

describe('EntityDataProductOverviewCard', () => {
  afterEach(() => {
    delete (window as any).pwned;
  });

  it('shows the real Entity ratings product: its texts, facts, licence, support and links', async () => {
    const entities = demoEntities({
      annotations: {
        'entity-ratings': {
          'datamesh/governance-status': 'warning',
          'backstage.io/techdocs-ref': 'dir:.',
        },
      },
      consumers: { 'entity-ratings': ['group:default/data-office'] },
    });
    const entity = demoEntity(entities, 'dataproduct:default/entity-ratings');
    await renderWithCatalog(<EntityDataProductOverviewCard />, {
      catalog: new InMemoryCatalog(entities),
      entity,
    });

    expect(
      screen.getByText(/The credit rating history of every entity/),
    ).toBeInTheDocument();
    expect(screen.getByText(/matched on the tenant's LEI/)).toBeInTheDocument();
    expect(
      screen.getByText(/Join current_ratings to Tenancy analytics/),
    ).toBeInTheDocument();

    const fact = (label: string) =>
      screen.getByText(label, { selector: 'dt' })
        .nextElementSibling as HTMLElement;
    expect(fact('Version')).toHaveTextContent('1.3.0');
    expect(fact('Type')).toHaveTextContent('Aggregate');
    expect(fact('Lifecycle')).toHaveTextContent('Production');
    expect(fact('Classification')).toHaveTextContent('Restricted');
    expect(within(fact('Owner')).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/group/brokerage-data-team',
    );
    expect(within(fact('Domain')).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/domain/brokerage',
    );
    expect(fact('Consumers')).toHaveTextContent('1');
    expect(fact('Licence')).toHaveTextContent(
      'Licensed from the rating provider for internal use only; no redistribution',
    );
    expect(fact('Redistribution')).toHaveTextContent('Not allowed');
    expect(fact('Descriptor')).toHaveTextContent('ODPS v1.0.0');

    expect(screen.getByTestId('governance-badge')).toHaveTextContent(
      'Governance: Warning',
    );
    expect(
      screen.getByRole('link', { name: /^brokerage-data, / }),
    ).toHaveAttribute(
      'href',
      'https://chat.premium-offices.example/channels/brokerage-data',
    );
    expect(screen.getByRole('link', { name: /^Source/ })).toHaveAttribute(
      'href',
      'https://git.premium-offices.example/data/catalog-info/blob/main/brokerage/entity-ratings.odps.yaml',
    );
    expect(
      screen.getByRole('link', { name: 'Documentation (TechDocs)' }),
    ).toHaveAttribute('href', '/docs/default/dataproduct/entity-ratings');
  });

  it('never runs or renders as elements the script, HTML or javascript: links of a descriptor', async () => {
    const entity = hostileProduct();
    const { container } = await renderWithCatalog(
      <EntityDataProductOverviewCard />,
      {
        catalog: new InMemoryCatalog([entity]),
        entity,
      },
    );

    // Markdown itself still works ...
    expect(
      screen.getByText('tenants', { selector: 'strong' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^docs/ })).toHaveAttribute(
      'href',
      'https://docs.premium-offices.example/ratings',
    );
    // ... but raw HTML stays visible text, not elements ...
    for (const tag of ['script', 'img', 'iframe', 'b']) {
      expect(container.querySelector(tag)).toBeNull();
    }
    expect(
      screen.getByText(/<iframe src="https:\/\/evil.example\/"><\/iframe>/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/<script>/).length).toBeGreaterThan(0);
    // ... no element carries an event handler ...
    expect(container.querySelector('[onerror], [onclick]')).toBeNull();
    // ... and a javascript: link is text without an anchor.
    expect(screen.getByText(/Click me/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Click me/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /raw link/ })).toBeNull();
    const hrefs = [...container.querySelectorAll('a')].map(
      a => a.getAttribute('href') ?? '',
    );
    expect(hrefs.filter(href => /^\s*javascript:/i.test(href))).toEqual([]);
    expect((window as any).pwned).toBeUndefined();
  });

  it('links support channels only to web and mail addresses', async () => {
    const entity = demoEntity(
      demoEntities(),
      'dataproduct:default/entity-ratings',
    );
    (entity.spec as any).support = [
      { channel: 'evil', url: SCRIPT_URL },
      { channel: 'mail', url: 'mailto:brokerage-data@premium-offices.example' },
    ];
    await renderWithCatalog(<EntityDataProductOverviewCard />, {
      catalog: new InMemoryCatalog([entity]),
      entity,
    });

    expect(screen.queryByRole('link', { name: /evil/ })).toBeNull();
    expect(screen.getByText('evil')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^mail/ })).toHaveAttribute(
      'href',
      'mailto:brokerage-data@premium-offices.example',
    );
  });
});
