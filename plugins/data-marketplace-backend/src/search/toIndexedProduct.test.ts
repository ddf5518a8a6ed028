import type { Entity } from '@backstage/catalog-model';
import { toIndexedProduct } from './toIndexedProduct';

const product = (
  overrides: Partial<Entity['metadata']> = {},
  spec = {},
): Entity => ({
  apiVersion: 'datamesh/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'Lease-Book',
    namespace: 'finance',
    title: 'Lease book',
    tags: ['leases', 'Leases', 'finance'],
    annotations: { 'datamesh/listed-at': '2026-05-01T00:00:00Z' },
    ...overrides,
  },
  spec: {
    domain: 'accounting',
    owner: 'group:default/Finance-Team',
    type: 'Aggregate',
    lifecycle: 'production',
    description: { purpose: 'Every lease, booked.', usage: 'Internal only' },
    outputPorts: [
      { name: 'book', type: 'table', address: 'wh.finance.book' },
      { name: 'feed', type: 'TABLE', address: 'kafka.book' },
      { type: 'api' }, // no name: no port
    ],
    inputPorts: [{ name: 'erp', source: 'ERP' }],
    support: [{ channel: '#finance' }],
    ...spec,
  },
  relations: [
    { type: 'dataProductConsumedBy', targetRef: 'group:default/a' },
    { type: 'dataProductConsumedBy', targetRef: 'user:default/b' },
    { type: 'ownedBy', targetRef: 'group:default/finance-team' },
  ],
});

describe('toIndexedProduct', () => {
  it('keys, facets and sort keys in the index’s lowercase spelling', () => {
    const { row, values } = toIndexedProduct(product());
    expect(row).toMatchObject({
      entity_ref: 'dataproduct:finance/lease-book',
      namespace: 'finance',
      name: 'Lease-Book',
      title: 'Lease book',
      sort_title: 'lease book',
      // A short ref is resolved in the product's own namespace, as the catalog does.
      domain: 'domain:finance/accounting',
      owner: 'group:default/finance-team',
      type: 'aggregate',
      classification: null,
      lifecycle: 'production',
      consumer_count: 2,
      listed_at: new Date('2026-05-01T00:00:00Z'),
    });
    expect(values).toEqual([
      { entity_ref: row.entity_ref, facet: 'tag', value: 'leases' },
      { entity_ref: row.entity_ref, facet: 'tag', value: 'finance' },
      { entity_ref: row.entity_ref, facet: 'port', value: 'table' },
    ]);
  });

  it('searches names, texts, tags, ports and the domain’s name, in lower case', () => {
    const { search } = toIndexedProduct(product());
    expect(search.search_text.split('\n')).toEqual([
      'lease book',
      'lease-book',
      'every lease, booked.',
      'leases',
      'leases',
      'finance',
      'book',
      'wh.finance.book',
      'feed',
      'kafka.book',
      'accounting',
    ]);
  });

  it('cards only what a card shows', () => {
    const card = JSON.parse(toIndexedProduct(product()).details.card);
    expect(card.consumerCount).toBe(2);
    expect(Object.keys(card.entity.spec).sort()).toEqual([
      'description',
      'domain',
      'lifecycle',
      'outputPorts',
      'owner',
      'type',
    ]);
    expect(card.entity.spec.description).toEqual({
      purpose: 'Every lease, booked.',
    });
    expect(card.entity.spec.outputPorts).toEqual([
      { name: 'book', type: 'table' },
      { name: 'feed', type: 'TABLE' },
    ]);
  });

  it('leaves out what its columns cannot hold, without cutting a character in two', () => {
    const long = 'x'.repeat(300);
    const title = `${'a'.repeat(254)}😀 and more`;
    const { row, values } = toIndexedProduct(
      product({ title, tags: [long, 'ok'] }, { lifecycle: long }),
    );
    expect(values.filter(v => v.facet === 'tag').map(v => v.value)).toEqual([
      'ok',
    ]);
    expect(row.lifecycle).toBeNull();
    expect(Array.from(row.sort_title)).toHaveLength(255);
    expect(row.sort_title.endsWith('😀')).toBe(true);
  });

  it('hashes everything it writes: the same entity, the same hash; any change, another', () => {
    const hash = (entity: Entity) => toIndexedProduct(entity).row.row_hash;
    const base = hash(product());
    expect(hash(product())).toBe(base);
    expect(
      hash(
        product(
          {},
          {
            outputPorts: [
              { name: 'book', type: 'table', address: 'wh.finance.book_v2' },
            ],
          },
        ),
      ),
    ).not.toBe(base);
    expect(
      hash(
        product({ annotations: { 'datamesh/governance-status': 'failing' } }),
      ),
    ).not.toBe(base);
    // What the index does not keep changes nothing.
    expect(hash(product({}, { support: [{ channel: '#other' }] }))).toBe(base);
  });
});
