import {
  consumptionEvents,
  creationEvents,
  reuseRows,
  updateEvents,
} from './deriveCycleEvents';
import type { AccessRequestTimes } from './sources/accessRequests';
import type { CatalogProduct } from './sources/catalogProducts';
import type { TemplateRun } from './sources/templateRuns';

const SOURCE_ALIGNED = 'template:default/source-aligned-data-product';
const EVOLVE = 'template:default/evolve-data-product';
const templates = {
  createTemplates: [SOURCE_ALIGNED, 'template:default/aggregate-data-product'],
  evolveTemplates: [EVOLVE],
};
const BROKERAGE = 'domain:default/brokerage';
const TENANCY = 'dataproduct:default/tenancy-analytics';

const tenancy: CatalogProduct = {
  ref: TENANCY,
  domain: BROKERAGE,
  version: '1.1.0',
  listedAt: '2026-11-02T12:00:00.000Z',
};

function run(
  id: string,
  templateRef: string,
  createdAt: string,
  parameters: Record<string, unknown>,
): TemplateRun {
  return { id, templateRef, createdAt, status: 'completed', parameters };
}

describe('Cycle 1, creating a product', () => {
  it('runs from the earliest create-template run naming the product to its first listing', () => {
    const runs = [
      run('retry', SOURCE_ALIGNED, '2026-11-02T09:00:00.000Z', {
        name: 'tenancy-analytics',
      }),
      run('first', SOURCE_ALIGNED, '2026-11-02T08:00:00.000Z', {
        name: 'Tenancy-Analytics',
      }),
      // Started after the listing: a second attempt that cannot be the start.
      run('late', SOURCE_ALIGNED, '2026-11-03T08:00:00.000Z', {
        name: 'tenancy-analytics',
      }),
      // Another template, another product.
      run('evolve', EVOLVE, '2026-11-01T08:00:00.000Z', { product: TENANCY }),
      run('other', SOURCE_ALIGNED, '2026-11-01T08:00:00.000Z', {
        name: 'entity-ratings',
      }),
    ];
    expect(creationEvents([tenancy], runs, templates)).toEqual([
      {
        cycle: 1,
        eventKey: TENANCY,
        productRef: TENANCY,
        domain: BROKERAGE,
        startedAt: '2026-11-02T08:00:00.000Z',
        endedAt: '2026-11-02T12:00:00.000Z',
        sourceRef: 'first',
      },
    ]);
  });

  it('finds a product made in another namespace', () => {
    const product = {
      ref: 'dataproduct:finance/ledger',
      listedAt: '2026-11-02T12:00:00.000Z',
    };
    const runs = [
      run(
        't',
        'template:default/aggregate-data-product',
        '2026-11-01T12:00:00.000Z',
        {
          name: 'ledger',
          namespace: 'finance',
        },
      ),
    ];
    expect(creationEvents([product], runs, templates)).toEqual([
      expect.objectContaining({
        productRef: 'dataproduct:finance/ledger',
        sourceRef: 't',
      }),
    ]);
  });

  it('has nothing for a product registered by hand, or not yet dated by the catalog', () => {
    const runs = [
      run('t', SOURCE_ALIGNED, '2026-11-01T08:00:00.000Z', {
        name: 'tenancy-analytics',
      }),
    ];
    expect(
      creationEvents([{ ...tenancy, listedAt: undefined }], runs, templates),
    ).toEqual([]);
    expect(creationEvents([tenancy], [], templates)).toEqual([]);
  });
});

describe('Cycle 2, updating a product', () => {
  const sightings = [
    {
      productRef: TENANCY,
      version: '1.0.0',
      firstSeenAt: '2026-11-02T12:05:00.000Z',
    },
    {
      productRef: TENANCY,
      version: '1.1.0',
      firstSeenAt: '2026-11-10T12:05:00.000Z',
    },
    {
      productRef: TENANCY,
      version: '2.0.0',
      firstSeenAt: '2026-11-20T12:05:00.000Z',
    },
  ];

  it('runs from the evolve run that asked for the version to the version first seen', () => {
    const runs = [
      run('v11', EVOLVE, '2026-11-10T09:00:00.000Z', {
        product: TENANCY,
        version: '1.1.0',
      }),
      run('v11-again', EVOLVE, '2026-11-10T10:00:00.000Z', {
        product: TENANCY,
        version: '1.1.0',
      }),
      // Asked for 2.0.0 before 1.1.0 shipped: the version, not the order, ties it.
      run('v2', EVOLVE, '2026-11-09T09:00:00.000Z', {
        product: 'DataProduct:default/tenancy-analytics',
        version: '2.0.0',
      }),
    ];
    expect(updateEvents([tenancy], runs, sightings, templates)).toEqual([
      {
        cycle: 2,
        eventKey: `${TENANCY}@1.1.0`,
        productRef: TENANCY,
        domain: BROKERAGE,
        version: '1.1.0',
        startedAt: '2026-11-10T09:00:00.000Z',
        endedAt: '2026-11-10T12:05:00.000Z',
        sourceRef: 'v11',
      },
      {
        cycle: 2,
        eventKey: `${TENANCY}@2.0.0`,
        productRef: TENANCY,
        domain: BROKERAGE,
        version: '2.0.0',
        startedAt: '2026-11-09T09:00:00.000Z',
        endedAt: '2026-11-20T12:05:00.000Z',
        sourceRef: 'v2',
      },
    ]);
  });

  it('falls back, for runs that name no version, to the earliest one after the previous version', () => {
    const runs = [
      // Before 1.0.0 was seen: that one belongs to an older change.
      run('old', EVOLVE, '2026-11-02T10:00:00.000Z', { product: TENANCY }),
      run('new', EVOLVE, '2026-11-05T10:00:00.000Z', { product: TENANCY }),
    ];
    expect(
      updateEvents([tenancy], runs, sightings.slice(0, 2), templates).map(
        e => e.sourceRef,
      ),
    ).toEqual(['new']);
  });

  it('counts no update for the first version seen, nor for a version no run asked for', () => {
    const runs = [
      run('v1', EVOLVE, '2026-11-01T10:00:00.000Z', {
        product: TENANCY,
        version: '1.0.0',
      }),
      // Started after 1.1.0 was already in the catalog.
      run('late', EVOLVE, '2026-11-11T10:00:00.000Z', {
        product: TENANCY,
        version: '1.1.0',
      }),
    ];
    expect(
      updateEvents([tenancy], runs, sightings.slice(0, 2), templates),
    ).toEqual([]);
  });
});

describe('Cycle 3, consuming a product', () => {
  const request = (
    overrides: Partial<AccessRequestTimes>,
  ): AccessRequestTimes => ({
    id: 'r',
    dataProduct: TENANCY,
    consumer: 'group:default/credit-risk',
    state: 'granted',
    createdAt: '2026-11-04T08:00:00.000Z',
    decidedAt: '2026-11-04T09:00:00.000Z',
    decision: 'approved',
    provisioningAt: '2026-11-04T09:00:01.000Z',
    grantedAt: '2026-11-04T12:00:00.000Z',
    ...overrides,
  });

  it('runs from the request to the grant, with the decision between', () => {
    expect(
      consumptionEvents(
        [
          request({ id: 'granted' }),
          request({
            id: 'revoked',
            state: 'revoked',
            dataProduct: 'dataproduct:default/gone',
          }),
          request({
            id: 'waiting',
            state: 'provisioning',
            grantedAt: undefined,
          }),
          request({
            id: 'rejected',
            state: 'rejected',
            decision: 'rejected',
            grantedAt: undefined,
          }),
        ],
        [tenancy],
      ),
    ).toEqual([
      {
        cycle: 3,
        eventKey: 'granted',
        productRef: TENANCY,
        domain: BROKERAGE,
        startedAt: '2026-11-04T08:00:00.000Z',
        decidedAt: '2026-11-04T09:00:00.000Z',
        endedAt: '2026-11-04T12:00:00.000Z',
      },
      {
        // A grant revoked since still took that long; its product left the catalog.
        cycle: 3,
        eventKey: 'revoked',
        productRef: 'dataproduct:default/gone',
        startedAt: '2026-11-04T08:00:00.000Z',
        decidedAt: '2026-11-04T09:00:00.000Z',
        endedAt: '2026-11-04T12:00:00.000Z',
      },
    ]);
  });
});

describe('reuse', () => {
  it('counts the distinct consumers of the current grants of every product in the catalog', () => {
    const ratings = {
      ref: 'dataproduct:default/entity-ratings',
      domain: BROKERAGE,
    };
    const grant = (consumer: string, state = 'granted') => ({
      id: consumer,
      dataProduct: TENANCY,
      consumer,
      state,
      createdAt: '2026-11-01T00:00:00Z',
    });
    expect(
      reuseRows(
        [tenancy, ratings],
        [
          grant('group:default/credit-risk'),
          // Two ports, one consumer; and the same consumer spelled another way.
          grant('group:default/credit-risk'),
          grant('Group:default/Credit-Risk'),
          grant('user:default/sofia.rossi'),
          grant('user:default/tom.nguyen', 'revoked'),
          grant('user:default/kwame.mensah', 'submitted'),
        ],
      ),
    ).toEqual([
      { productRef: TENANCY, domain: BROKERAGE, consumers: 2 },
      {
        productRef: 'dataproduct:default/entity-ratings',
        domain: BROKERAGE,
        consumers: 0,
      },
    ]);
  });
});
