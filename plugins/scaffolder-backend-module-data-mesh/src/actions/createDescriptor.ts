import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ProductAnswers } from '../product/answers';
import { dbtModels, dbtSources, snakeCase } from '../product/dbtModels';
import { renderProduct } from '../product/renderProduct';
import { checkAnswers, normalizeRef } from './checkAnswers';
import { examples } from './createDescriptor.examples';
import {
  classificationSchema,
  nameSchema,
  outputPortSchema,
  productTypeSchema,
  updateFrequencySchema,
  versionSchema,
} from './inputSchemas';
import { resolveProductContext } from './resolveProductContext';

export const CREATE_DESCRIPTOR_ACTION_ID = 'datamesh:descriptor:create';

/**
 * datamesh:descriptor:create — turns a template's answers into the product's ODPS
 * descriptor, its ODCS contract and the catalog Location that lists them, written into the
 * workspace with the catalog module's own converters as the judge. It also hands the
 * template what its skeleton needs (the dbt models and sources of the exposed views).
 */
export function createCreateDescriptorAction(options: {
  catalog: CatalogService;
}) {
  return createTemplateAction({
    id: CREATE_DESCRIPTOR_ACTION_ID,
    description:
      'Writes a data product descriptor (ODPS v1.0.0), its contract (ODCS v3.1.0) and a catalog Location into the workspace from form answers, checked with the same converters the catalog uses.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z => nameSchema(z, 'The product name in the catalog, kebab case'),
        title: z =>
          z.string({
            description:
              'Display name; the catalog makes the name from it, so its words must make the name',
          }),
        domain: z =>
          z.string({
            description: 'Entity ref of the domain (a Domain entity)',
          }),
        owner: z =>
          z.string({
            description: 'Entity ref of the owning group (a Group entity)',
          }),
        type: z => productTypeSchema(z).optional(),
        version: z =>
          versionSchema(z, 'First version, default 1.0.0').optional(),
        purpose: z =>
          z.string({ description: 'What the product is for' }).min(1),
        limitations: z =>
          z
            .string({ description: 'What it does not do, known gaps' })
            .optional(),
        usage: z =>
          z
            .string({
              description: 'Usage limits: what consumers may do with it',
            })
            .optional(),
        classification: z => classificationSchema(z, 'Sensitivity of the data'),
        accessPolicy: z =>
          z
            .string({
              description:
                'Who may be granted access and who approves; required when restricted',
            })
            .optional(),
        updateFrequency: z => updateFrequencySchema(z),
        license: z =>
          z.string({ description: 'Licence name or SPDX id' }).min(1),
        redistribution: z =>
          z
            .boolean({ description: 'May consumers pass the data on' })
            .optional(),
        tags: z => z.array(z.string()).optional(),
        outputPorts: z => z.array(outputPortSchema(z)).min(1),
        inputs: z =>
          z
            .array(z.string(), {
              description:
                'Entity refs of the upstream DataProducts it reads: its input ports, which give lineage',
            })
            .optional(),
        targetPath: z =>
          z
            .string({
              description:
                'Folder of the workspace to write to; default its root',
            })
            .optional(),
      },
      output: {
        entityRef: z => z.string().describe('Entity ref the product will have'),
        contractRef: z =>
          z.string().describe("Entity ref of the product's contract"),
        entityUrl: z =>
          z.string().describe("Path of the product's page in the portal"),
        files: z =>
          z.array(z.string()).describe('Files written, relative to targetPath'),
        dbtProject: z => z.string().describe('dbt project name (snake case)'),
        dbtModels: z =>
          z
            .array(z.record(z.unknown()))
            .describe('One dbt model per view or table port'),
        dbtSources: z =>
          z
            .array(z.record(z.unknown()))
            .describe('dbt sources the models read'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const answers: ProductAnswers = {
        ...input,
        domain: normalizeRef(input.domain, 'domain'),
        owner: normalizeRef(input.owner, 'group'),
        type:
          input.type ?? (input.inputs?.length ? 'aggregate' : 'source-aligned'),
        version: input.version ?? '1.0.0',
        inputPorts: [],
      };
      checkAnswers(answers);
      const { upstream, inputPorts } = await resolveProductContext({
        catalog: options.catalog,
        credentials: await ctx.getInitiatorCredentials(),
        name: answers.name,
        domain: answers.domain,
        owner: answers.owner,
        inputs: (input.inputs ?? []).map(ref =>
          normalizeRef(ref, 'dataproduct'),
        ),
      });
      answers.inputPorts = inputPorts;
      const rendered = renderProduct(answers);

      const root = resolveSafeChildPath(
        ctx.workspacePath,
        input.targetPath ?? '.',
      );
      for (const file of rendered.files) {
        const path = resolveSafeChildPath(root, file.path);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.content, 'utf8');
      }
      const entityRef = stringifyEntityRef(rendered.product);
      ctx.logger.info(`Wrote the descriptor and contract of ${entityRef}`, {
        files: rendered.files.map(f => f.path).join(', '),
        dryRun: Boolean(ctx.isDryRun),
      });

      const sources = dbtSources(upstream, answers.outputPorts);
      ctx.output('entityRef', entityRef);
      ctx.output('contractRef', stringifyEntityRef(rendered.contract));
      ctx.output('entityUrl', `/catalog/default/dataproduct/${answers.name}`);
      ctx.output(
        'files',
        rendered.files.map(f => f.path),
      );
      ctx.output('dbtProject', snakeCase(answers.name));
      ctx.output('dbtModels', dbtModels(answers.outputPorts, sources) as any);
      ctx.output('dbtSources', sources as any);
    },
  });
}
