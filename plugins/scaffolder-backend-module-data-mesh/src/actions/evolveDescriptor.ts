import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  describeIssues,
  readDescriptor,
  toEntityName,
} from '@datamesh/plugin-data-mesh-common';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { answersFromEntity, contractIdsOf } from '../product/answersFromEntity';
import { buildOdps } from '../product/buildOdps';
import {
  contractDocument,
  fetchEntity,
  sourceFileName,
} from '../product/catalogProduct';
import { descriptorFileNames, toYaml } from '../product/descriptorFiles';
import { applyProductChange, ProductChange } from '../product/productChange';
import { examples } from './evolveDescriptor.examples';
import {
  classificationSchema,
  columnSchema,
  nameSchema,
  versionSchema,
} from './inputSchemas';
import { checkAnswers } from './checkAnswers';

export const EVOLVE_DESCRIPTOR_ACTION_ID = 'datamesh:descriptor:evolve';

const HEADER =
  "Changed by the data mesh suite's Evolve template.\nEdit it here; the catalog reads it, and CI runs `datamesh validate` on it.";

/**
 * datamesh:descriptor:evolve — writes the next version of a product in the catalog: its
 * ODPS descriptor with the change applied, and its contract document (as its team wrote
 * it) with the schema changes, into the workspace under the file names the catalog read
 * them from. datamesh:contract:diff then says whether the change breaks consumers.
 */
export function createEvolveDescriptorAction(options: {
  catalog: CatalogService;
}) {
  return createTemplateAction({
    id: EVOLVE_DESCRIPTOR_ACTION_ID,
    description:
      'Writes the next version of a data product from the catalog into the workspace: its ODPS descriptor and ODCS contract with a new version, a new, changed or removed output port, and contract schema changes.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z => z.string({ description: 'The DataProduct to change' }),
        version: z => versionSchema(z, 'Its new version'),
        classification: z =>
          classificationSchema(z, 'A new classification').optional(),
        accessPolicy: z =>
          z
            .string({
              description:
                'Who may be granted access; required to become restricted',
            })
            .optional(),
        outputPort: z =>
          z
            .object({
              action: z.enum(['none', 'add', 'change', 'remove']),
              name: nameSchema(z, 'The port').optional(),
              type: z.string().optional(),
              address: z.string().optional(),
              description: z.string().optional(),
              columns: z.array(columnSchema(z)).optional(),
            })
            .optional(),
        schemaChanges: z =>
          z
            .array(
              z.object({
                port: z.string({
                  description: 'The port (schema object) of the property',
                }),
                action: z.enum(['add', 'remove', 'rename', 'retype']),
                property: z.string(),
                newName: z.string().optional(),
                logicalType: z.string().optional(),
                description: z.string().optional(),
                required: z.boolean().optional(),
              }),
            )
            .optional(),
        targetPath: z =>
          z
            .string({ description: 'Folder of the workspace to write to' })
            .optional(),
      },
      output: {
        entityRef: z => z.string(),
        repoName: z =>
          z.string().describe('The product name, the repository folder'),
        previousVersion: z => z.string(),
        productPath: z => z.string(),
        contractPath: z => z.string(),
        contractRef: z => z.string(),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const credentials = await ctx.getInitiatorCredentials();
      const ref = stringifyEntityRef(
        parseEntityRef(input.entityRef, {
          defaultKind: 'dataproduct',
          defaultNamespace: 'default',
        }),
      );
      const product = await fetchEntity(
        options.catalog,
        ref,
        credentials,
        'entityRef',
        'dataproduct',
      );
      const contractIds = contractIdsOf(product);
      if (contractIds.length !== 1) {
        throw new InputError(
          `entityRef: ${ref} has ${contractIds.length} contracts (${
            contractIds.join(', ') || 'none'
          }); the Evolve template changes products with one contract`,
        );
      }
      const contractRef = `api:default/${toEntityName(contractIds[0])}`;
      const contract = await fetchEntity(
        options.catalog,
        contractRef,
        credentials,
        'entityRef',
        'api',
      );

      const answers = answersFromEntity(product);
      const previousVersion = answers.version;
      if (input.version === previousVersion) {
        throw new InputError(
          `version: the catalog already has ${ref} at ${previousVersion}; a change needs a new version`,
        );
      }
      const document = contractDocument(contract);
      const roles = Array.isArray(document.roles) ? document.roles : [];
      answers.accessPolicy = roles.find(r => r?.description)?.description;
      applyProductChange(answers, document, input as ProductChange);
      if (toEntityName(answers.title) !== answers.name) {
        // The catalog names the product after the descriptor's name: keep the entity.
        ctx.logger.warn(
          `The title "${answers.title}" does not make the name ${answers.name}; the descriptor names the product ${answers.name}`,
        );
        answers.title = answers.name;
      }
      checkAnswers(answers);

      const names = descriptorFileNames(answers.name);
      const files = [
        {
          path: sourceFileName(product, names.product),
          content: toYaml(buildOdps(answers), HEADER),
        },
        {
          path: sourceFileName(contract, names.contract),
          content: toYaml(document, HEADER),
        },
      ];
      for (const file of files) {
        const result = readDescriptor(file.content);
        if (result.errors.length > 0) {
          throw new InputError(
            `${
              file.path
            }: the changed descriptor would be refused by the catalog: ${describeIssues(
              result.errors,
            )}`,
          );
        }
      }
      const root = resolveSafeChildPath(
        ctx.workspacePath,
        input.targetPath ?? '.',
      );
      for (const file of files) {
        const path = resolveSafeChildPath(root, file.path);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.content, 'utf8');
      }
      ctx.logger.info(
        `Wrote ${ref} ${answers.version} (was ${previousVersion})`,
        {
          files: files.map(f => f.path).join(', '),
        },
      );
      ctx.output('entityRef', ref);
      ctx.output('repoName', answers.name);
      ctx.output('previousVersion', previousVersion);
      ctx.output('productPath', files[0].path);
      ctx.output('contractPath', files[1].path);
      ctx.output('contractRef', contractRef);
    },
  });
}
