import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import {
  demoCatalogDir,
  demoCatalogEntities,
} from '../__testUtils__/demoCatalog';
import { renderProduct } from '../product/renderProduct';
import { leasePipelineAnswers } from '../__testUtils__/answers';
import { productFiles } from '../__testUtils__/workspaceFiles';
import { createCreateDescriptorAction } from './createDescriptor';
import { createDiffContractAction } from './diffContract';
import { createEvolveDescriptorAction } from './evolveDescriptor';
import { createPublishRepositoryAction } from './publishRepository';
import { createValidateDescriptorsAction } from './validateDescriptors';

/**
 * Every documented example of every action, run as written: what the action's docs show a
 * template author works. Each example gets the workspace its description assumes.
 */
describe('the documented examples', () => {
  const workspace = createMockDirectory();
  const published = createMockDirectory();
  const catalog = catalogServiceMock({ entities: demoCatalogEntities() });

  const demoFiles = (name: string) =>
    Object.fromEntries(
      ['odps', 'odcs'].map(ext => [
        `${name}.${ext}.yaml`,
        readFileSync(
          resolve(demoCatalogDir, 'brokerage', `${name}.${ext}.yaml`),
          'utf8',
        ),
      ]),
    );

  const cases: Array<{
    action: TemplateAction<any, any>;
    workspace: (index: number) => Record<string, any>;
    published?: Record<string, any>;
  }> = [
    {
      action: createCreateDescriptorAction({ catalog }),
      workspace: () => ({}),
    },
    {
      action: createValidateDescriptorsAction(),
      workspace: index =>
        index === 0
          ? productFiles()
          : { products: { 'lease-pipeline': productFiles() } },
    },
    {
      action: createDiffContractAction({ catalog }),
      workspace: () => demoFiles('entity-ratings'),
    },
    {
      action: createEvolveDescriptorAction({ catalog }),
      workspace: () => ({}),
    },
    {
      // A catalog that already shows lease-pipeline 1.1.0, as the real one does once it
      // has read the published folder.
      action: createPublishRepositoryAction({
        catalog: catalogServiceMock({
          entities: [
            renderProduct(leasePipelineAnswers({ version: '1.1.0' })).product,
          ],
        }),
        auth: mockServices.auth(),
        config: { directory: published.path, visibilityTimeoutMs: 10_000 },
        rootConfig: new ConfigReader({
          catalog: {
            locations: [
              {
                type: 'file',
                target: join(published.path, '*/catalog-info.yaml'),
              },
            ],
          },
        }),
      }),
      workspace: index =>
        index === 0 ? productFiles() : { 'lease-pipeline.odps.yaml': 'x' },
      published: { 'lease-pipeline': productFiles() },
    },
  ];

  for (const { action, workspace: content, published: before } of cases) {
    action.examples!.forEach((example, index) => {
      it(`${action.id}: ${example.description}`, async () => {
        const [step] = parse(example.example).steps;
        expect(step.action).toBe(action.id);
        workspace.setContent(content(index));
        published.setContent(index === 1 && before ? before : {});
        const ctx = createMockActionContext({
          input: step.input ?? {},
          workspacePath: workspace.path,
        });
        await expect(action.handler(ctx as any)).resolves.toBeUndefined();
        expect(ctx.output).toHaveBeenCalled();
        // The publisher's examples wait until the product shows in the catalog.
        const outputs = Object.fromEntries(
          (ctx.output as jest.Mock).mock.calls,
        );
        expect(outputs.visible).toBe(
          action.id === 'datamesh:repository:publish' ? true : undefined,
        );
      });
    });
  }
});
