import { dataAccessApiRef } from './api';
import { dataAccessPlugin } from './plugin';
import newFrontendPlugin from './alpha';

describe('data-access plugin', () => {
  it('is the data-access plugin with its API and root route', () => {
    expect(dataAccessPlugin.getId()).toBe('data-access');
    expect(
      [...dataAccessPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual([dataAccessApiRef.id]);
    expect(dataAccessPlugin.routes.root).toBeDefined();
  });

  it('exists for the new frontend system too', () => {
    expect(newFrontendPlugin.id).toBe('data-access');
    expect(newFrontendPlugin.routes.root).toBeDefined();
    for (const id of [
      'api:data-access',
      'page:data-access',
      'entity-card:data-access/data-product-consumers',
    ] as const) {
      expect(newFrontendPlugin.getExtension(id)).toBeDefined();
    }
  });
});
