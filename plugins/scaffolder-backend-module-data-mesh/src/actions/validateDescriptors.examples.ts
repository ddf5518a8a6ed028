import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Validate the descriptors datamesh:descriptor:create wrote into the workspace, before publishing',
    example: stringify({
      steps: [
        {
          id: 'validate',
          name: 'Validate the descriptor and the contract',
          action: 'datamesh:descriptor:validate',
        },
      ],
    }),
  },
  {
    description:
      'Validate one product folder of a repository that holds several',
    example: stringify({
      steps: [
        {
          id: 'validate',
          name: 'Validate the lease pipeline',
          action: 'datamesh:descriptor:validate',
          input: { path: 'products/lease-pipeline' },
        },
      ],
    }),
  },
];
