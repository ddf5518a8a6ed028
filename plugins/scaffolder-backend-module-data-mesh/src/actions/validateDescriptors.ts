import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { PolicyRule } from '@datamesh/plugin-data-mesh-common';
import {
  catalogEntitiesFor,
  governancePolicy,
  ProductGovernance,
} from '../governance/governancePolicy';
import type {
  DescriptorPolicy,
  DescriptorPolicyFactory,
} from '../governance/policies';
import { structuralPolicies } from '../governance/structuralPolicies';
import {
  formatIssue,
  validateWorkspace,
} from '../governance/validateWorkspace';
import { examples } from './validateDescriptors.examples';

export const VALIDATE_DESCRIPTORS_ACTION_ID = 'datamesh:descriptor:validate';

/**
 * datamesh:descriptor:validate — checks the descriptors in the workspace the way the
 * catalog will (each by its standard and declared version) and runs the policies: the
 * structural ones, then the governance engine with the mesh-wide rules (`governance`, from
 * datamesh.governance.policies) and the product's domain's own rules, with the catalog
 * (`catalog`) and the workspace as context. The task fails with every error listed, file
 * and field first; warnings are logged and output.
 */
export function createValidateDescriptorsAction(
  options: {
    policies?: DescriptorPolicy[];
    governance?: PolicyRule[];
    catalog?: CatalogService;
  } = {},
) {
  const policies = options.policies ?? structuralPolicies;
  const rules = options.governance ?? [];
  return createTemplateAction({
    id: VALIDATE_DESCRIPTORS_ACTION_ID,
    description:
      'Validates the data product descriptors (ODPS, ODCS, DCS, DPDS) in the workspace by their standards and runs the mesh governance policies; fails the task with a list of what is wrong, field by field.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string({
              description:
                'Folder of the workspace to validate, relative to its root. Default: the whole workspace.',
            })
            .optional(),
      },
      output: {
        descriptors: z =>
          z
            .array(
              z.object({
                file: z.string(),
                standard: z.string().optional(),
                version: z.string().optional(),
                valid: z.boolean(),
              }),
            )
            .describe('Every descriptor found, with its standard and verdict'),
        warnings: z =>
          z
            .array(z.string())
            .describe(
              'What the catalog accepts but adapts, and the governance warnings, one line each',
            ),
        governance: z =>
          z
            .array(
              z.object({
                file: z.string(),
                entityRef: z.string(),
                status: z.enum(['passing', 'warning', 'failing']),
                results: z.array(
                  z.object({
                    ruleId: z.string(),
                    severity: z.enum(['error', 'warning']),
                    passed: z.boolean(),
                    message: z.string(),
                    path: z.string().optional(),
                  }),
                ),
              }),
            )
            .describe(
              "The governance engine's verdict on each product, every rule's result",
            ),
      },
    },
    async handler(ctx) {
      const root = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.path ?? '.',
      );
      // Made per run: the governance policy reads the catalog as the initiator sees it.
      let governance: ProductGovernance[] = [];
      const factory: DescriptorPolicyFactory = async descriptors => {
        const made = governancePolicy({
          rules,
          descriptors,
          catalogEntities: await catalogEntitiesFor(
            descriptors.flatMap(d => d.result.entities),
            options.catalog,
            options.catalog ? await ctx.getInitiatorCredentials() : undefined,
          ),
        });
        governance = made.results;
        return [made.policy];
      };
      const verdict = await validateWorkspace(root, policies, [factory]);
      const warnings = verdict.warnings.map(formatIssue);
      for (const warning of warnings) {
        ctx.logger.warn(`Descriptor warning: ${warning}`);
      }
      // Output before failing too: the task's log and a caller see every rule's verdict.
      ctx.output('descriptors', verdict.descriptors);
      ctx.output('warnings', warnings);
      ctx.output(
        'governance',
        governance.map(({ file, result }) => ({ file, ...result })),
      );
      if (verdict.issues.length > 0) {
        const lines = verdict.issues.map(formatIssue);
        for (const line of lines) {
          ctx.logger.error(`Descriptor problem: ${line}`);
        }
        throw new InputError(
          `The data product does not pass validation (${lines.length} ${
            lines.length === 1 ? 'problem' : 'problems'
          }):\n${lines.map(line => `- ${line}`).join('\n')}`,
        );
      }
      ctx.logger.info(
        'Descriptors are valid and pass the governance policies',
        {
          descriptors: verdict.descriptors.map(d => d.file).join(', '),
          policies: [...policies.map(p => p.id), ...rules.map(r => r.id)].join(
            ', ',
          ),
        },
      );
    },
  });
}
