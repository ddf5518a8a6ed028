import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Add an output port to a product, with its columns in the contract (a non-breaking change: a minor version)',
    example: stringify({
      steps: [
        {
          id: 'change',
          name: 'Write the next version',
          action: 'datamesh:descriptor:evolve',
          input: {
            entityRef: 'dataproduct:default/tenancy-analytics',
            version: '2.2.0',
            outputPort: {
              action: 'add',
              name: 'lease-expiries',
              type: 'sql-view',
              address: 'warehouse.brokerage_analytics.lease_expiries',
              description: 'Leases ending in the next 24 months.',
              columns: [
                { name: 'lease_id', logicalType: 'string', required: true },
                { name: 'lease_end_date', logicalType: 'date', required: true },
              ],
            },
          },
        },
      ],
    }),
  },
  {
    description:
      'Rename a column of a port (a breaking change: a major version)',
    example: stringify({
      steps: [
        {
          id: 'change',
          name: 'Write the next version',
          action: 'datamesh:descriptor:evolve',
          input: {
            entityRef: 'dataproduct:default/tenancy-analytics',
            version: '3.0.0',
            schemaChanges: [
              {
                port: 'leases_by_month',
                action: 'rename',
                property: 'lease_type',
                newName: 'lease_kind',
              },
            ],
          },
        },
      ],
    }),
  },
];
