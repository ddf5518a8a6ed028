import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
import { scaffolderModuleDataMesh } from './module';

const start = (policies: any[]) =>
  startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleDataMesh,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({
        data: { datamesh: { governance: { policies } } },
      }),
    ],
  });

describe('scaffolderModuleDataMesh and datamesh.governance.policies', () => {
  it('starts with valid policies and offers datamesh:descriptor:validate', async () => {
    const backend = await start([
      { id: 'mesh/owner-group', type: 'owner-group-exists', severity: 'error' },
    ]);
    try {
      const response = await request(backend.server).get(
        '/api/scaffolder/v2/actions',
      );
      expect(response.status).toBe(200);
      const validate = response.body.find(
        (a: { id: string }) => a.id === 'datamesh:descriptor:validate',
      );
      expect(validate.schema.output.properties.governance).toBeDefined();
    } finally {
      await backend.stop();
    }
  });

  it('refuses to start with a rule that does not parse, naming its path', async () => {
    await expect(
      start([
        { id: 'a', type: 'owner-group-exists', severity: 'error' },
        {
          id: 'b',
          type: 'naming-pattern',
          severity: 'error',
          params: { pattern: '[' },
        },
      ]),
    ).rejects.toThrow(
      /datamesh\.governance\.policies\[1\]\.params\.pattern: expected a regular expression/,
    );
  });
});
