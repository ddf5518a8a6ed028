import { createMockDirectory } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { leasePipelineAnswers } from '../__testUtils__/answers';
import { demoCatalogEntities } from '../__testUtils__/demoCatalog';
import {
  catalogWithBrokeragePolicies,
  demoPolicies,
} from '../__testUtils__/governance';
import { productFiles } from '../__testUtils__/workspaceFiles';
import { createValidateDescriptorsAction } from './validateDescriptors';

describe('datamesh:descriptor:validate with the governance policies', () => {
  const workspace = createMockDirectory();

  const run = async (entities: Entity[] = demoCatalogEntities()) => {
    const action = createValidateDescriptorsAction({
      catalog: catalogServiceMock({ entities }),
      governance: demoPolicies(),
    });
    const ctx = createMockActionContext({ workspacePath: workspace.path });
    const warn = jest.spyOn(ctx.logger, 'warn');
    const outcome = await action.handler(ctx as any).catch(error => error);
    const output = (name: string) =>
      (ctx.output as jest.Mock).mock.calls.find(
        ([n]: any[]) => n === name,
      )?.[1];
    return {
      warn,
      error: outcome instanceof Error ? outcome : undefined,
      output,
    };
  };

  it('passes a product the templates write; a rule that only warns is logged and output', async () => {
    workspace.setContent(productFiles());
    const { warn, error, output } = await run();
    expect(error).toBeUndefined();
    const [verdict] = output('governance');
    expect(verdict).toMatchObject({
      file: 'lease-pipeline.odps.yaml',
      entityRef: 'dataproduct:default/lease-pipeline',
      status: 'warning',
    });
    expect(verdict.results.map((r: any) => `${r.ruleId} ${r.passed}`)).toEqual(
      demoPolicies().map(
        p =>
          `${p.id} ${![
            'mesh/contract-quality',
            'mesh/support-channel',
          ].includes(p.id)}`,
      ),
    );
    const lines = [
      'lease-pipeline.odps.yaml: (DataProduct) spec.outputPorts[0].contract: Declare quality rules in contract api:default/lease-pipeline-contract (a quality list on its schema objects or columns: completeness, uniqueness, valid values) so consumers know what is guaranteed [mesh/contract-quality]',
      'lease-pipeline.odps.yaml: (DataProduct) spec.support: Set spec.support to where consumers get help (a chat channel, an issue tracker) (in the ODPS descriptor: support) [mesh/support-channel]',
    ];
    expect(output('warnings')).toEqual(lines);
    expect(warn).toHaveBeenCalledWith(`Descriptor warning: ${lines[0]}`);
  });

  it('fails with the governance errors: an owner the catalog does not have, a restricted product without an owner-approved role', async () => {
    workspace.setContent(
      productFiles({
        answers: leasePipelineAnswers({
          owner: 'group:default/lease-squad',
          classification: 'restricted',
          accessPolicy: 'Brokers only; the data owner approves.',
        }),
        editContract: odcs => {
          odcs.roles[0].firstLevelApprovers = 'user:default/tom.nguyen';
        },
      }),
    );
    const { error, output } = await run();
    expect(error?.name).toBe('InputError');
    expect(error?.message.split('\n')).toEqual([
      'The data product does not pass validation (2 problems):',
      "- lease-pipeline.odps.yaml: (DataProduct) spec.outputPorts: Declare an access policy that the owner approves: add a role to the product's ODCS contract (roles[]) with firstLevelApprovers: group:default/lease-squad, saying who may be granted access and for what; the product is restricted [mesh/sensitive-data-access]",
      '- lease-pipeline.odps.yaml: (DataProduct) spec.owner: Fix the owner (in the ODPS descriptor: the owner custom property (customProperties)): there is no group group:default/lease-squad in the catalog; name an existing group or register it [mesh/owner-group]',
    ]);
    expect(output('governance')[0].status).toBe('failing');
  });

  it('passes a restricted product whose contract names the owner as approver (the templates write that role)', async () => {
    workspace.setContent(
      productFiles({
        answers: leasePipelineAnswers({
          classification: 'restricted',
          accessPolicy: 'Brokers only; the data owner approves.',
        }),
      }),
    );
    const { error, output } = await run();
    expect(error).toBeUndefined();
    expect(output('governance')[0].status).toBe('warning');
  });

  it("applies the domain's own rules from the catalog", async () => {
    workspace.setContent(productFiles());
    const { error } = await run(
      catalogWithBrokeragePolicies([
        {
          id: 'brokerage/prefix',
          type: 'naming-pattern',
          severity: 'error',
          params: { pattern: '^brk-', hint: 'brk-<name>' },
        },
      ]),
    );
    expect(error?.message).toContain(
      '- lease-pipeline.odps.yaml: (DataProduct) metadata.name: Rename metadata.name "lease-pipeline" to match brk-<name> (in the ODPS descriptor: id) [brokerage/prefix]',
    );
  });

  it('refuses a domain that tries to drop a mesh-wide rule, and still applies the rule', async () => {
    workspace.setContent(
      productFiles({
        answers: leasePipelineAnswers({ classification: 'restricted' }),
        editContract: odcs => delete odcs.roles,
      }),
    );
    const { error } = await run(
      catalogWithBrokeragePolicies([
        {
          id: 'mesh/sensitive-data-access',
          type: 'sensitive-data-access',
          severity: 'error',
          enabled: false,
        },
      ]),
    );
    expect(error?.message).toContain(
      '- lease-pipeline.odps.yaml: Fix the policies of domain:default/brokerage: spec.policies[0].enabled: cannot disable mesh-wide rule "mesh/sensitive-data-access"',
    );
    expect(error?.message).toMatch(
      /spec\.outputPorts: Declare an access policy that the owner approves.* \[mesh\/sensitive-data-access\]/,
    );
  });
});
