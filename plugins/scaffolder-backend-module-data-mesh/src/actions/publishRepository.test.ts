import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { ConfigReader } from '@backstage/config';
import { locationSpecToMetadataName } from '@backstage/plugin-catalog-node';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { productFiles } from '../__testUtils__/workspaceFiles';
import { createPublishRepositoryAction } from './publishRepository';
import { examples } from './publishRepository.examples';

const exampleInput = (index: number) =>
  parse(examples[index].example).steps[0].input;

describe('datamesh:repository:publish', () => {
  const workspace = createMockDirectory();
  const published = createMockDirectory();
  const portalConfig = (locations: object[]) =>
    new ConfigReader({ catalog: { locations } });
  const withPublishLocation = portalConfig([
    { type: 'file', target: '../../catalog-info/all.yaml' },
    { type: 'file', target: join(published.path, '*/catalog-info.yaml') },
  ]);
  const publishLocationRef = `location:default/${locationSpecToMetadataName({
    type: 'file',
    target: join(published.path, '*/catalog-info.yaml'),
  })}`;
  const product = (version = '1.0.0'): Entity => ({
    apiVersion: 'datamesh/v1alpha1',
    kind: 'DataProduct',
    metadata: { name: 'lease-pipeline' },
    spec: { version },
  });

  /** A catalog that shows the product after a few reads, as the real one does after a refresh. */
  function catalogShowing(entities: Array<Entity | undefined>) {
    const byRef = jest.fn();
    for (const entity of entities) {
      byRef.mockResolvedValueOnce(entity);
    }
    byRef.mockResolvedValue(entities[entities.length - 1]);
    return catalogServiceMock.mock({
      getEntityByRef: byRef,
      refreshEntity: jest.fn().mockResolvedValue(undefined),
    });
  }

  const actionWith = (
    catalog: ReturnType<typeof catalogShowing>,
    rootConfig = withPublishLocation,
  ) =>
    createPublishRepositoryAction({
      catalog,
      auth: mockServices.auth(),
      config: { directory: published.path, visibilityTimeoutMs: 5_000 },
      rootConfig,
    });

  const run = async (
    action: ReturnType<typeof actionWith>,
    input: any,
    isDryRun = false,
  ) => {
    const ctx = {
      ...createMockActionContext({ input, workspacePath: workspace.path }),
      isDryRun,
    };
    await action.handler(ctx as any);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  };

  beforeEach(() => {
    workspace.setContent({
      ...productFiles(),
      'docs/index.md': '# Lease pipeline',
    });
    published.clear();
  });

  it('publishes a new repository, has the catalog read it, and waits until the product shows', async () => {
    const catalog = catalogShowing([undefined, undefined, product()]);
    const outputs = await run(actionWith(catalog), exampleInput(0));

    expect(published.content()).toEqual({
      'lease-pipeline': expect.objectContaining({
        'catalog-info.yaml': expect.stringContaining('kind: Location'),
        'lease-pipeline.odps.yaml': expect.any(String),
        docs: { 'index.md': '# Lease pipeline' },
      }),
    });
    expect(catalog.refreshEntity).toHaveBeenCalledWith(
      publishLocationRef,
      expect.anything(),
    );
    expect(outputs).toMatchObject({
      entityRef: 'dataproduct:default/lease-pipeline',
      entityUrl: '/catalog/default/dataproduct/lease-pipeline',
      remoteUrl: `file://${published.resolve('lease-pipeline')}`,
      visible: true,
    });
    expect(outputs.visibleAfterMs).toBeGreaterThanOrEqual(0);
  });

  it('refuses to publish over a published repository, or to update one that is not there', async () => {
    published.setContent({ 'lease-pipeline': { 'catalog-info.yaml': 'x' } });
    await expect(
      run(actionWith(catalogShowing([product()])), exampleInput(0)),
    ).rejects.toThrow(/^repoName: lease-pipeline is already published in /);
    published.clear();
    await expect(
      run(actionWith(catalogShowing([product()])), exampleInput(1)),
    ).rejects.toThrow(/^repoName: lease-pipeline is not published in /);
  });

  it('updates only the changed files, and waits for the new version', async () => {
    published.setContent({
      'lease-pipeline': {
        ...productFiles(),
        'dbt/dbt_project.yml': 'name: lease_pipeline\n',
      },
    });
    workspace.setContent({ 'lease-pipeline.odps.yaml': 'changed' });
    const catalog = catalogShowing([product('1.0.0'), product('1.1.0')]);
    const outputs = await run(actionWith(catalog), exampleInput(1));

    expect(published.content()?.['lease-pipeline']).toMatchObject({
      'lease-pipeline.odps.yaml': 'changed',
      'catalog-info.yaml': expect.stringContaining('kind: Location'),
      dbt: { 'dbt_project.yml': 'name: lease_pipeline\n' },
    });
    expect(catalog.refreshEntity).toHaveBeenCalledWith(
      'location:default/lease-pipeline',
      expect.anything(),
    );
    expect(outputs.visible).toBe(true);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('refuses names and paths that would leave the folders', async () => {
    const action = actionWith(catalogShowing([product()]));
    await expect(run(action, { repoName: '../etc' })).rejects.toThrow(
      /^repoName: "\.\.\/etc" breaks the naming rules/,
    );
    await expect(
      run(action, { repoName: 'lease-pipeline', sourcePath: '../..' }),
    ).rejects.toThrow(/outside/);
    expect(published.content()).toEqual({});
  });

  it('refuses to publish a symbolic link', async () => {
    symlinkSync('/etc/hostname', workspace.resolve('secrets.yaml'));
    await expect(
      run(actionWith(catalogShowing([product()])), exampleInput(0)),
    ).rejects.toThrow(
      'sourcePath: secrets.yaml is a symbolic link; the local publisher copies files only',
    );
    expect(published.content()).toEqual({});
  });

  it('says what to add to app-config.yaml when no catalog location reads the folder', async () => {
    const catalog = catalogShowing([product()]);
    const elsewhere = portalConfig([
      { type: 'file', target: '../../catalog-info/all.yaml' },
    ]);
    await expect(
      run(actionWith(catalog, elsewhere), exampleInput(0)),
    ).rejects.toThrow(
      `The catalog has no location that reads the local publisher's folder ${published.path}. Add it to app-config.yaml:`,
    );
    expect(published.content()).toEqual({});
  });

  it('fails with the processing error when the catalog refuses the published descriptors', async () => {
    const refused: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'lease-pipeline' },
      status: {
        items: [
          {
            type: 'backstage.io/catalog-processing',
            level: 'error',
            message: 'InputError',
            error: {
              name: 'InputError',
              message: 'Invalid ODCS v3.1.0 descriptor at x: schema[0]: y',
            },
          },
        ],
      },
    } as Entity;
    const catalog = catalogShowing([undefined]);
    catalog.getEntityByRef.mockImplementation(async (ref: any) =>
      ref === 'location:default/lease-pipeline' ? refused : undefined,
    );
    await expect(run(actionWith(catalog), exampleInput(0))).rejects.toThrow(
      /but the catalog refused it:\n- Invalid ODCS v3\.1\.0 descriptor at x: schema\[0\]: y$/,
    );
  });

  it('publishes nothing in a dry run, but says where it would', async () => {
    const catalog = catalogShowing([undefined]);
    const outputs = await run(actionWith(catalog), exampleInput(0), true);
    expect(published.content()).toEqual({});
    expect(catalog.refreshEntity).not.toHaveBeenCalled();
    expect(outputs).toMatchObject({
      entityUrl: '/catalog/default/dataproduct/lease-pipeline',
      visible: false,
    });
  });
});
