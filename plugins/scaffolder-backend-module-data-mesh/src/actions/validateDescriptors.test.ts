import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { leasePipelineAnswers } from '../__testUtils__/answers';
import {
  dropCustomProperty,
  productFiles,
} from '../__testUtils__/workspaceFiles';
import { createValidateDescriptorsAction } from './validateDescriptors';

describe('datamesh:descriptor:validate', () => {
  const workspace = createMockDirectory();
  const action = createValidateDescriptorsAction();

  const run = (input: any = {}) => {
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });
    return action.handler(ctx as any).then(() => ctx);
  };

  it('passes the descriptors the create action writes, and lists them', async () => {
    workspace.setContent({
      ...productFiles(),
      'mkdocs.yml': 'site_name: Lease pipeline\n',
      'dbt/dbt_project.yml': 'name: lease_pipeline\n',
    });
    const ctx = await run();
    expect(ctx.output).toHaveBeenCalledWith('descriptors', [
      {
        file: 'lease-pipeline.odcs.yaml',
        standard: 'odcs',
        version: 'v3.1.0',
        valid: true,
      },
      {
        file: 'lease-pipeline.odps.yaml',
        standard: 'odps',
        version: 'v1.0.0',
        valid: true,
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('warnings', []);
  });

  it('fails on a contract that breaks its standard, naming the file and the field', async () => {
    workspace.setContent(
      productFiles({
        editContract: odcs => {
          odcs.schema[0].properties[1].logicalType = 'money';
        },
      }),
    );
    await expect(run()).rejects.toThrow(
      /^The data product does not pass validation \(2 problems\):\n- lease-pipeline\.odcs\.yaml: schema\[0\]\.properties\[1\]\.logicalType: expected one of .*got "money"\n- lease-pipeline\.odps\.yaml: outputPorts\[0\]\.contractId: port open-offers names contract lease-pipeline-contract, which no contract in the repository has as its id \[addressable-output-ports\]$/,
    );
  });

  it('fails with every governance rule the product breaks, field by field', async () => {
    workspace.setContent(
      productFiles({
        answers: leasePipelineAnswers({
          classification: 'restricted',
          accessPolicy: 'Brokers only.',
        }),
        editProduct: odps => {
          odps.name = 'Lease_Pipeline';
          dropCustomProperty(odps, 'owner');
          dropCustomProperty(odps, 'accessPolicy');
          delete odps.team;
          odps.outputPorts[0].customProperties = [];
          odps.outputPorts.push({
            name: 'Raw Offers',
            version: '1.0.0',
            contractId: 'nowhere',
          });
          delete odps.description.purpose;
        },
        editContract: odcs => {
          delete odcs.roles;
        },
      }),
    );
    const error = await run().catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message.split('\n')).toEqual([
      'The data product does not pass validation (8 problems):',
      '- lease-pipeline.odps.yaml: name: the product\'s catalog name "lease_pipeline" breaks the naming rules: lowercase letters and digits, words joined by single dashes, starting with a letter (e.g. lease-pipeline) [naming]',
      '- lease-pipeline.odps.yaml: outputPorts[1].name: port name "Raw Offers" breaks the naming rules: lowercase letters and digits, words joined by single dashes, starting with a letter (e.g. lease-pipeline) [naming]',
      '- lease-pipeline.odps.yaml: customProperties[owner]: required: the owning group, e.g. group:default/brokerage-data-team [ownership]',
      '- lease-pipeline.odps.yaml: description.purpose: required: what the product is for, in a sentence or two [self-describing]',
      '- lease-pipeline.odps.yaml: customProperties[accessPolicy]: required for a restricted product: who may be granted access and who approves it (or roles in its contract) [restricted-needs-access-policy]',
      '- lease-pipeline.odps.yaml: outputPorts[0].address: port open-offers has no address: where consumers read it (a view, table, URL or topic) [addressable-output-ports]',
      '- lease-pipeline.odps.yaml: outputPorts[1].address: port Raw Offers has no address: where consumers read it (a view, table, URL or topic) [addressable-output-ports]',
      '- lease-pipeline.odps.yaml: outputPorts[1].contractId: port Raw Offers names contract nowhere, which no contract in the repository has as its id [addressable-output-ports]',
    ]);
  });

  it('accepts a restricted product whose contract names who approves access', async () => {
    workspace.setContent(
      productFiles({
        answers: leasePipelineAnswers({
          classification: 'restricted',
          accessPolicy: 'Brokers only; the data owner approves.',
        }),
        editProduct: odps => dropCustomProperty(odps, 'accessPolicy'),
      }),
    );
    await expect(run()).resolves.toBeDefined();
  });

  it('fails when the workspace holds no product descriptor', async () => {
    workspace.setContent({ 'README.md': '# nothing here' });
    await expect(run()).rejects.toThrow(
      '- no valid data product descriptor (ODPS or DPDS) in the repository [one-product-per-repository]',
    );
  });

  it('refuses a path outside the workspace', async () => {
    workspace.setContent(productFiles());
    await expect(run({ path: '../..' })).rejects.toThrow(/outside/i);
  });
});
