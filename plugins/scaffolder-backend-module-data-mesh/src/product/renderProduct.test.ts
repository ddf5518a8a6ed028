import { leasePipelineAnswers } from '../__testUtils__/answers';
import { renderProduct } from './renderProduct';

describe('renderProduct', () => {
  it('writes an ODPS descriptor and an ODCS contract the catalog reads back as the answers said', () => {
    const { files, product, contract } = renderProduct(
      leasePipelineAnswers({
        classification: 'restricted',
        accessPolicy: 'Brokers and risk analysts, approved by the data owner.',
        inputPorts: [
          {
            name: 'tenancy-analytics',
            dataProduct: 'dataproduct:default/tenancy-analytics',
            version: '2.1.0',
            contractId: 'tenancy-analytics-contract',
          },
        ],
      }),
    );

    expect(files.map(f => f.path)).toEqual([
      'lease-pipeline.odps.yaml',
      'lease-pipeline.odcs.yaml',
      'catalog-info.yaml',
    ]);
    expect(product.metadata).toMatchObject({
      name: 'lease-pipeline',
      title: 'Lease pipeline',
    });
    expect(product.spec).toMatchObject({
      domain: 'domain:default/brokerage',
      owner: 'group:default/brokerage-data-team',
      type: 'source-aligned',
      version: '1.0.0',
      classification: 'restricted',
      sla: { updateFrequency: 'daily' },
      usage: { license: 'Internal use only', redistribution: false },
      outputPorts: [
        {
          name: 'open-offers',
          type: 'sql-view',
          address: 'warehouse.brokerage_pipeline.open_offers',
          contract: 'api:default/lease-pipeline-contract',
        },
      ],
      inputPorts: [
        {
          name: 'tenancy-analytics',
          dataProduct: 'dataproduct:default/tenancy-analytics',
        },
      ],
    });
    expect(contract.metadata.name).toBe('lease-pipeline-contract');
    expect(contract.spec).toMatchObject({
      type: 'data-contract',
      owner: 'group:default/brokerage-data-team',
    });
    expect(files[1].content).toContain('firstLevelApprovers');
    expect(files[2].content).toContain('- ./lease-pipeline.odps.yaml');
  });

  it('refuses a title the catalog would turn into another name, naming the field', () => {
    expect(() =>
      renderProduct(leasePipelineAnswers({ title: 'Offers (EMEA)' })),
    ).toThrow(/^title: .*"offers-emea", not "lease-pipeline"/);
  });

  it('refuses answers the contract standard rejects, with the field path', () => {
    const answers = leasePipelineAnswers();
    answers.outputPorts[0].columns[0].logicalType = 'money' as any;
    expect(() => renderProduct(answers)).toThrow(
      /lease-pipeline\.odcs\.yaml would not be read back unchanged by the catalog: schema\[0\]\.properties\[0\]\.logicalType/,
    );
  });
});
