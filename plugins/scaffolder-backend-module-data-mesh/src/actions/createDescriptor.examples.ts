import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

const leasePipeline = {
  name: 'lease-pipeline',
  title: 'Lease pipeline',
  domain: 'domain:default/brokerage',
  owner: 'group:default/brokerage-data-team',
  purpose:
    'Leases under negotiation, one row per offer, so that brokers see the pipeline.',
  limitations: 'Offers older than two years are archived and left out.',
  classification: 'internal',
  updateFrequency: 'daily',
  license: 'Internal use only',
  outputPorts: [
    {
      name: 'open-offers',
      type: 'sql-view',
      address: 'warehouse.brokerage_pipeline.open_offers',
      description: 'Offers not yet signed or withdrawn.',
      columns: [
        { name: 'offer_id', logicalType: 'string', required: true },
        { name: 'monthly_rent', logicalType: 'number' },
      ],
    },
  ],
};

export const examples: TemplateExample[] = [
  {
    description:
      'Write the descriptor and contract of a source-aligned product from the form answers',
    example: stringify({
      steps: [
        {
          id: 'descriptor',
          name: 'Write the descriptor and the contract',
          action: 'datamesh:descriptor:create',
          input: leasePipeline,
        },
      ],
    }),
  },
  {
    description:
      'Write a restricted aggregate product that reads an upstream product (its lineage), into a sub-folder',
    example: stringify({
      steps: [
        {
          id: 'descriptor',
          name: 'Write the descriptor and the contract',
          action: 'datamesh:descriptor:create',
          input: {
            ...leasePipeline,
            name: 'tenant-exposure',
            title: 'Tenant exposure',
            purpose:
              'Rent at risk per tenant entity, from its leases and ratings.',
            classification: 'restricted',
            accessPolicy:
              'Risk analysts and brokers; the Brokerage data owner approves each request.',
            inputs: ['dataproduct:default/tenancy-analytics'],
            outputPorts: [
              {
                name: 'exposure-by-tenant',
                type: 'table',
                address: 'warehouse.brokerage_risk.exposure_by_tenant',
                columns: [
                  {
                    name: 'tenant_entity_id',
                    logicalType: 'string',
                    required: true,
                  },
                  { name: 'rent_at_risk', logicalType: 'number' },
                ],
              },
            ],
            targetPath: 'products/tenant-exposure',
          },
        },
      ],
    }),
  },
];
