import type { ProductAnswers } from '../product/answers';

/** A complete, valid set of answers: a source-aligned product of the Brokerage domain. */
export function leasePipelineAnswers(
  overrides: Partial<ProductAnswers> = {},
): ProductAnswers {
  return {
    name: 'lease-pipeline',
    title: 'Lease pipeline',
    domain: 'domain:default/brokerage',
    owner: 'group:default/brokerage-data-team',
    type: 'source-aligned',
    version: '1.0.0',
    purpose:
      'Leases under negotiation, one row per offer, so brokers see the pipeline.',
    limitations: 'Offers older than two years are archived and left out.',
    usage: 'Internal use by brokerage and finance.',
    classification: 'internal',
    updateFrequency: 'daily',
    license: 'Internal use only',
    redistribution: false,
    outputPorts: [
      {
        name: 'open-offers',
        type: 'sql-view',
        address: 'warehouse.brokerage_pipeline.open_offers',
        description: 'Offers not yet signed or withdrawn.',
        columns: [
          {
            name: 'offer_id',
            logicalType: 'string',
            required: true,
            description: 'The offer id in the CRM.',
          },
          { name: 'monthly_rent', logicalType: 'number' },
        ],
      },
    ],
    inputPorts: [],
    ...overrides,
  };
}
