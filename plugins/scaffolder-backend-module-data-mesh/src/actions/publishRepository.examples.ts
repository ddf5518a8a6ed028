import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Publish a new product repository to the local folder (the demo publisher) and wait until the catalog shows it',
    example: stringify({
      steps: [
        {
          id: 'publish',
          name: 'Publish to the local folder',
          action: 'datamesh:repository:publish',
          input: { repoName: 'lease-pipeline' },
        },
      ],
    }),
  },
  {
    description:
      'Publish a change to a product published earlier, and wait until the catalog shows its new version',
    example: stringify({
      steps: [
        {
          id: 'publish',
          name: 'Publish the change',
          action: 'datamesh:repository:publish',
          input: {
            repoName: 'lease-pipeline',
            mode: 'update',
            expectedVersion: '1.1.0',
          },
        },
      ],
    }),
  },
];
