import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Compare the contract and product descriptor in the workspace with the catalog's, and fail on a breaking change without a major version bump",
    example: stringify({
      steps: [
        {
          id: 'diff',
          name: 'Compare the contract with the catalog',
          action: 'datamesh:contract:diff',
        },
      ],
    }),
  },
  {
    description:
      'Compare a contract named by its path, in a workspace that holds several',
    example: stringify({
      steps: [
        {
          id: 'diff',
          name: 'Compare the contract with the catalog',
          action: 'datamesh:contract:diff',
          input: {
            contractPath: 'entity-ratings.odcs.yaml',
            productPath: 'entity-ratings.odps.yaml',
          },
        },
      ],
    }),
  },
];
