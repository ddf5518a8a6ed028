import {
  CARD_FIELDS,
  entityFilter,
  facetRequests,
  orderFields,
  productsRequest,
  readQuery,
  SEARCH_FIELDS,
  writeQuery,
} from './marketplaceQuery';

describe('marketplaceQuery', () => {
  it('reads the search, facets, sort and cursor from the URL and writes them back', () => {
    const params = new URLSearchParams(
      'q=ratings&domain=domain:default/brokerage&tag=credit&tag=lei&sort=newest&cursor=abc&page=3',
    );
    const query = readQuery(params);
    expect(query).toEqual({
      term: 'ratings',
      selected: {
        domain: ['domain:default/brokerage'],
        tag: ['credit', 'lei'],
      },
      sort: 'newest',
      cursor: 'abc',
      page: 3,
    });
    expect(writeQuery(query).toString()).toBe(params.toString());
  });

  it('sorts by relevance with a term and by name without one, and keeps defaults out of the URL', () => {
    expect(readQuery(new URLSearchParams('q=lease')).sort).toBe('relevance');
    expect(readQuery(new URLSearchParams('')).sort).toBe('name');
    // Relevance means nothing without a term.
    expect(readQuery(new URLSearchParams('sort=relevance')).sort).toBe('name');
    expect(readQuery(new URLSearchParams('sort=bogus&q=x')).sort).toBe(
      'relevance',
    );
    expect(
      writeQuery(readQuery(new URLSearchParams('q=lease'))).has('sort'),
    ).toBe(false);
    expect(
      writeQuery(readQuery(new URLSearchParams('sort=consumed'))).get('sort'),
    ).toBe('consumed');
  });

  it('ignores a page number without a cursor', () => {
    expect(readQuery(new URLSearchParams('page=4')).page).toBe(1);
  });

  it('filters DataProducts by every selected facet, one value as a string, several as a list', () => {
    const query = readQuery(
      new URLSearchParams(
        'domain=domain:default/brokerage&port=sql-view&port=table&governance=passing',
      ),
    );
    expect(entityFilter(query)).toEqual({
      kind: 'DataProduct',
      'spec.domain': 'domain:default/brokerage',
      'spec.outputPorts.type': ['sql-view', 'table'],
      'metadata.annotations.datamesh/governance-status': 'passing',
    });
  });

  it('counts each selected facet without its own selection, and the rest under the whole filter', () => {
    const query = readQuery(
      new URLSearchParams(
        'q=rating&domain=domain:default/brokerage&classification=restricted',
      ),
    );
    const requests = facetRequests(query);
    expect(requests).toEqual([
      {
        filter: { kind: 'DataProduct', 'spec.classification': 'restricted' },
        facets: ['spec.domain'],
      },
      {
        filter: {
          kind: 'DataProduct',
          'spec.domain': 'domain:default/brokerage',
        },
        facets: ['spec.classification'],
      },
      {
        filter: {
          kind: 'DataProduct',
          'spec.domain': 'domain:default/brokerage',
          'spec.classification': 'restricted',
        },
        facets: [
          'spec.owner',
          'spec.type',
          'spec.lifecycle',
          'metadata.tags',
          'spec.outputPorts.type',
          'metadata.annotations.datamesh/governance-status',
        ],
      },
    ]);
  });

  it('asks for one page of card fields, with the term over the search fields', () => {
    const query = readQuery(new URLSearchParams('q=rating&sort=consumed'));
    expect(productsRequest(query)).toEqual({
      filter: { kind: 'DataProduct' },
      fullTextFilter: { term: 'rating', fields: SEARCH_FIELDS },
      orderFields: [
        {
          field: 'metadata.annotations.datamesh/consumer-count',
          order: 'desc',
        },
      ],
      limit: 24,
      fields: CARD_FIELDS,
    });
    expect(CARD_FIELDS).toContain('relations');
  });

  it('follows a cursor alone, since the cursor carries the search it was made for', () => {
    const query = readQuery(new URLSearchParams('q=rating&cursor=xyz&page=2'));
    expect(productsRequest(query)).toEqual({
      cursor: 'xyz',
      limit: 24,
      fields: CARD_FIELDS,
    });
  });

  it('orders by title, listing date or consumer count, and by the catalog default for relevance', () => {
    expect(orderFields('name')).toEqual([
      { field: 'metadata.title', order: 'asc' },
    ]);
    expect(orderFields('newest')).toEqual([
      { field: 'metadata.annotations.datamesh/listed-at', order: 'desc' },
    ]);
    expect(orderFields('relevance')).toBeUndefined();
  });
});
