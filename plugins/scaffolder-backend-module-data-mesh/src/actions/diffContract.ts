import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DATA_CONTRACT_API_TYPE,
  isDataProductEntity,
} from '@datamesh/plugin-data-mesh-common';
import { Change, formatChange } from '../contracts/changes';
import {
  contractEntitySpec,
  describeZodError,
  productEntitySpec,
} from '../contracts/catalogShapes';
import { diffContracts, ContractObject } from '../contracts/diffContracts';
import { diffProducts } from '../contracts/diffProducts';
import { checkVersions, VersionedChanges } from '../contracts/versionRule';
import { pickDescriptor } from '../workspace/pickDescriptor';
import { readWorkspaceDescriptors } from '../workspace/readWorkspaceDescriptors';
import { summarise } from '../contracts/summary';
import { examples } from './diffContract.examples';

export const DIFF_CONTRACT_ACTION_ID = 'datamesh:contract:diff';

const isContract = (entity: Entity) =>
  entity.kind === 'API' && entity.spec?.type === DATA_CONTRACT_API_TYPE;

/**
 * datamesh:contract:diff — compares the contract (and product descriptor) in the workspace
 * with what the catalog has, and sorts the differences into breaking and non-breaking. A
 * breaking change without a major version bump fails the task.
 */
export function createDiffContractAction(options: { catalog: CatalogService }) {
  return createTemplateAction({
    id: DIFF_CONTRACT_ACTION_ID,
    description:
      "Compares the changed data contract (and product descriptor) in the workspace with the catalog's: removed or renamed properties, narrowed types, dropped ports and tightened classification are breaking, and need a major version bump.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        contractPath: z =>
          z
            .string({
              description:
                'The changed contract (ODCS or DCS), relative to the workspace. Default: the only contract in it',
            })
            .optional(),
        productPath: z =>
          z
            .string({
              description:
                'The changed product descriptor, relative to the workspace. Default: the only one in it, if any',
            })
            .optional(),
      },
      output: {
        contractRef: z => z.string().describe('The contract compared'),
        previousVersion: z =>
          z.string().optional().describe("The catalog's contract version"),
        version: z =>
          z.string().optional().describe('The new contract version'),
        breaking: z =>
          z.array(z.string()).describe('Breaking changes, one per line'),
        nonBreaking: z =>
          z.array(z.string()).describe('Changes that break no consumer'),
        summary: z => z.string().describe('The changes, as Markdown'),
      },
    },
    async handler(ctx) {
      const descriptors = await readWorkspaceDescriptors(ctx.workspacePath);
      const contract = pickDescriptor({
        descriptors,
        field: 'contractPath',
        path: ctx.input.contractPath,
        standards: ['odcs', 'dcs'],
        label: 'data contract',
        isWanted: isContract,
      });
      if (!contract) {
        throw new InputError(
          'contractPath: no data contract in the workspace to compare',
        );
      }
      const product = pickDescriptor({
        descriptors,
        field: 'productPath',
        path: ctx.input.productPath,
        standards: ['odps', 'dpds'],
        label: 'product descriptor',
        isWanted: isDataProductEntity,
      });
      const contractRef = stringifyEntityRef(contract.entity);
      // The catalog as the person running the template sees it.
      const credentials = await ctx.getInitiatorCredentials();
      const catalogContract = await options.catalog.getEntityByRef(
        contractRef,
        { credentials },
      );
      const catalogProduct = product
        ? await options.catalog.getEntityByRef(
            stringifyEntityRef(product.entity),
            { credentials },
          )
        : undefined;

      const parsed = contractEntitySpec.safeParse(contract.entity.spec);
      if (!parsed.success) {
        throw new InputError(
          `contractPath: ${
            contract.descriptor.file
          } gives a contract the diff cannot read: ${describeZodError(
            parsed.error,
          )}`,
        );
      }
      const newSummary = parsed.data;
      const changes: VersionedChanges[] = [];
      let previousVersion: string | undefined;
      if (catalogContract) {
        const old = contractEntitySpec.safeParse(catalogContract.spec);
        if (!old.success) {
          throw new InputError(
            `${contractRef} in the catalog is not a data contract the diff can read: ${describeZodError(
              old.error,
            )}`,
          );
        }
        previousVersion = old.data.dataContract.contractVersion;
        changes.push({
          subject: `contract ${contractRef}`,
          field: 'version',
          file: contract.descriptor.file,
          before: previousVersion,
          after: newSummary.dataContract.contractVersion,
          changes: diffContracts(
            old.data.dataContract.objects as ContractObject[],
            newSummary.dataContract.objects as ContractObject[],
            {
              before: catalogProduct?.spec?.classification as
                | string
                | undefined,
              after: product?.entity.spec?.classification as string | undefined,
            },
          ),
        });
      }
      if (product && catalogProduct) {
        const old = productEntitySpec.safeParse(catalogProduct.spec);
        if (!old.success) {
          throw new InputError(
            `${stringifyEntityRef(
              catalogProduct,
            )} in the catalog is not a product the diff can read: ${describeZodError(
              old.error,
            )}`,
          );
        }
        const now = productEntitySpec.parse(product.entity.spec);
        changes.push({
          subject: `product ${stringifyEntityRef(product.entity)}`,
          field: 'version',
          file: product.descriptor.file,
          before: old.data.version,
          after: now.version,
          changes: diffProducts(old.data, now),
        });
      }

      const all: Change[] = changes.flatMap(c => c.changes);
      const breakingLines = all.filter(c => c.breaking).map(formatChange);
      const nonBreakingLines = all.filter(c => !c.breaking).map(formatChange);
      const summary = summarise(
        contractRef,
        catalogContract !== undefined,
        changes,
      );
      for (const line of summary.split('\n').filter(Boolean)) {
        ctx.logger.info(line);
      }
      checkVersions(changes);

      ctx.output('contractRef', contractRef);
      if (previousVersion) {
        ctx.output('previousVersion', previousVersion);
      }
      if (newSummary.dataContract.contractVersion) {
        ctx.output('version', newSummary.dataContract.contractVersion);
      }
      ctx.output('breaking', breakingLines);
      ctx.output('nonBreaking', nonBreakingLines);
      ctx.output('summary', summary);
    },
  });
}
