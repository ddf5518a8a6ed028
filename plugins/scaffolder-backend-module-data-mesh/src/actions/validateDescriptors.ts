import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { DescriptorPolicy } from '../governance/policies';
import { structuralPolicies } from '../governance/structuralPolicies';
import {
  formatIssue,
  validateWorkspace,
} from '../governance/validateWorkspace';
import { examples } from './validateDescriptors.examples';

export const VALIDATE_DESCRIPTORS_ACTION_ID = 'datamesh:descriptor:validate';

/**
 * datamesh:descriptor:validate — checks the descriptors in the workspace the way the
 * catalog will (each by its standard and declared version) and runs the governance
 * policies; the task fails with every problem listed, file and field first.
 */
export function createValidateDescriptorsAction(
  options: { policies?: DescriptorPolicy[] } = {},
) {
  const policies = options.policies ?? structuralPolicies;
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
            .describe('What the catalog accepts but adapts, one line each'),
      },
    },
    async handler(ctx) {
      const root = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.path ?? '.',
      );
      const verdict = await validateWorkspace(root, policies);
      const warnings = verdict.warnings.map(formatIssue);
      for (const warning of warnings) {
        ctx.logger.warn(`Descriptor warning: ${warning}`);
      }
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
          policies: policies.map(p => p.id).join(', '),
        },
      );
      ctx.output('descriptors', verdict.descriptors);
      ctx.output('warnings', warnings);
    },
  });
}
