import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readDescriptor } from '@datamesh/plugin-data-mesh-common';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { demoCatalogEntities } from '../__testUtils__/demoCatalog';
import { createCreateDescriptorAction } from './createDescriptor';
import { examples } from './createDescriptor.examples';

const exampleInput = (index: number) =>
  parse(examples[index].example).steps[0].input;

describe('datamesh:descriptor:create', () => {
  const workspace = createMockDirectory();
  const catalog = catalogServiceMock({ entities: demoCatalogEntities() });
  const action = createCreateDescriptorAction({ catalog });

  beforeEach(() => workspace.clear());

  const run = (input: any) => {
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });
    return action.handler(ctx as any).then(() => ctx);
  };

  it('writes descriptors that the catalog module reads back as the answers said', async () => {
    const ctx = await run(exampleInput(0));

    const product = readDescriptor(
      readFileSync(workspace.resolve('lease-pipeline.odps.yaml'), 'utf8'),
    );
    expect(product.errors).toEqual([]);
    expect(product.warnings).toEqual([]);
    expect(product.entities[0]).toMatchObject({
      kind: 'DataProduct',
      metadata: { name: 'lease-pipeline', title: 'Lease pipeline' },
      spec: {
        type: 'source-aligned',
        version: '1.0.0',
        owner: 'group:default/brokerage-data-team',
        domain: 'domain:default/brokerage',
        classification: 'internal',
      },
    });
    const location = parse(
      readFileSync(workspace.resolve('catalog-info.yaml'), 'utf8'),
    );
    expect(location.spec.targets).toEqual([
      './lease-pipeline.odps.yaml',
      './lease-pipeline.odcs.yaml',
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'dataproduct:default/lease-pipeline',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'entityUrl',
      '/catalog/default/dataproduct/lease-pipeline',
    );
    expect(ctx.output).toHaveBeenCalledWith('dbtModels', [
      expect.objectContaining({
        name: 'open_offers',
        schema: 'brokerage_pipeline',
        materialized: 'view',
        source: { name: 'source_system', table: 'open_offers' },
      }),
    ]);
  });

  it('turns upstream products into input ports with their version and contract (lineage)', async () => {
    const ctx = await run(exampleInput(1));

    const text = readFileSync(
      workspace.resolve('products/tenant-exposure/tenant-exposure.odps.yaml'),
      'utf8',
    );
    const [entity] = readDescriptor(text).entities;
    expect(entity.spec).toMatchObject({
      type: 'aggregate',
      inputPorts: [
        {
          name: 'tenancy-analytics',
          dataProduct: 'dataproduct:default/tenancy-analytics',
          contractId: 'tenancy-analytics-contract',
          version: '2.1.0',
        },
      ],
    });
    expect(ctx.output).toHaveBeenCalledWith('dbtSources', [
      expect.objectContaining({
        name: 'tenancy_analytics',
        schema: 'brokerage_analytics',
        tables: ['leases_by_month', 'current_tenants'],
      }),
    ]);
  });

  it('lists every rule the answers break, each with its field', async () => {
    const input = {
      ...exampleInput(0),
      name: 'Lease_Pipeline',
      owner: 'user:default/marie.dubois',
      classification: 'restricted',
      outputPorts: [
        {
          name: 'open-offers',
          type: 'sql-view',
          address: 'warehouse.x.y',
          columns: [{ name: 'Offer Id', logicalType: 'string' }],
        },
      ],
    };
    await expect(run(input)).rejects.toThrow(
      [
        "The answers break the mesh's rules:",
        '- name: "Lease_Pipeline" breaks the naming rules: lowercase letters and digits, words joined by single dashes, starting with a letter (e.g. lease-pipeline)',
        '- owner: "user:default/marie.dubois" is not a group: a team owns a data product',
        '- accessPolicy: required when the classification is restricted: who may be granted access and who approves it',
        '- outputPorts[0].columns[0].name: "Offer Id" breaks the naming rules for columns: lowercase letters, digits and underscores, starting with a letter or underscore (e.g. tenant_id)',
      ].join('\n'),
    );
    expect(workspace.content()).toEqual({});
  });

  it('refuses a name the catalog already has, and an owner or upstream it does not have', async () => {
    await expect(
      run({
        ...exampleInput(0),
        name: 'entity-ratings',
        title: 'Entity ratings',
      }),
    ).rejects.toThrow(
      /^name: a data product named entity-ratings already exists/,
    );
    await expect(
      run({ ...exampleInput(0), owner: 'group:default/nobody' }),
    ).rejects.toThrow('owner: no group group:default/nobody in the catalog');
    await expect(
      run({ ...exampleInput(0), inputs: ['dataproduct:default/missing'] }),
    ).rejects.toThrow('inputs[0]: no dataproduct dataproduct:default/missing');
  });

  it('refuses a title that would give the product another name in the catalog', async () => {
    await expect(
      run({ ...exampleInput(0), title: 'Pipeline of leases' }),
    ).rejects.toThrow(/^title: the catalog names a product after its title/);
  });

  it('writes the same files in a dry run, for the template editor to show', async () => {
    const ctx = {
      ...createMockActionContext({
        input: exampleInput(0),
        workspacePath: workspace.path,
      }),
      isDryRun: true,
    };
    await action.handler(ctx as any);
    expect(Object.keys(workspace.content() ?? {}).sort()).toEqual([
      'catalog-info.yaml',
      'lease-pipeline.odcs.yaml',
      'lease-pipeline.odps.yaml',
    ]);
    expect(action.supportsDryRun).toBe(true);
  });
});
