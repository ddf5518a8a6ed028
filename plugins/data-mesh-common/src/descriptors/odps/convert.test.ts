import { readCorpusFile } from '../../testUtils/corpus';
import { assertValidEntities } from '../../testUtils/entities';
import { parseDescriptor } from '../parse';
import { readDescriptor } from '../readDescriptor';
import { odpsFormat } from '.';

const V0_9_CUSTOMER =
  'odps/open-data-product-standard__v0.9.0__examples__customer-data-product.odps.yaml';
const DOCS_CUSTOMER =
  'odps/open-data-product-standard__docs__examples__customer-data-product.odps.yaml';
const SOURCE =
  'url:https://git.example.com/retail/customer/blob/main/odps.yaml';

function convert(file: string, context: Record<string, string> = {}) {
  const rawText = readCorpusFile(file);
  const document = parseDescriptor(rawText);
  expect(odpsFormat.validate(document).valid).toBe(true);
  return odpsFormat.convert(document, {
    rawText,
    sourceLocation: SOURCE,
    ...context,
  });
}

describe('ODPS conversion, field by field', () => {
  it('converts the v0.9.0 customer example', async () => {
    const { entities, warnings } = convert(V0_9_CUSTOMER, {
      defaultOwner: 'group:default/retail-data',
    });
    expect(warnings).toEqual([]);
    expect(entities).toHaveLength(1);
    const [entity] = entities;
    await assertValidEntities(entities);

    expect(entity.apiVersion).toBe('datamesh/v1alpha1');
    expect(entity.kind).toBe('DataProduct');
    expect(entity.metadata).toEqual({
      name: 'customer-data-product',
      title: 'Customer Data Product',
      description: 'Enterprise view of a customer.',
      tags: ['customer'],
      annotations: {
        'datamesh/descriptor-standard': 'odps',
        'datamesh/descriptor-version': 'v0.9.0',
        'datamesh/descriptor-id': 'fbe8d147-28db-4f1d-bedf-a3fe9f458427',
        'backstage.io/source-location': SOURCE,
      },
    });

    const spec = entity.spec as any;
    expect(spec.domain).toBe('domain:default/seller');
    // The v0.9.0 team is a list of people, which names no group: the default applies.
    expect(spec.owner).toBe('group:default/retail-data');
    expect(spec.lifecycle).toBe('experimental'); // status: draft
    expect(spec.version).toBeUndefined();
    expect(spec.type).toBeUndefined();
    expect(spec.classification).toBeUndefined();
    expect(spec.description).toEqual({
      purpose: 'Enterprise view of a customer.',
      limitations: 'No known limitations.',
      usage: 'Check the various artefacts for their own description.',
    });

    expect(spec.outputPorts).toHaveLength(5);
    expect(spec.outputPorts[0]).toEqual({
      name: 'rawtransactions',
      type: 'table',
      originalType: 'tables',
      description: 'Raw Transactions',
      version: '1.0.0',
      contract: 'api:default/c2798941-1b7e-4b03-9e0d-955b1a872b32',
      contractId: 'c2798941-1b7e-4b03-9e0d-955b1a872b32',
    });
    expect(spec.outputPorts[1].version).toBe('2.0.0');
    expect(spec.outputPorts[1].details).toEqual({
      sbom: [{ type: 'external', url: 'https://mysbomserver/mysbom' }],
      inputContracts: [
        { id: 'dbb7b1eb-7628-436e-8914-2a00638ba6db', version: '2.0.0' },
        { id: 'ec2a112d-5cfe-49f3-8760-f9cfb4597544', version: '1.0.0' },
      ],
    });
    expect(spec.outputPorts.map((p: any) => p.name)).toEqual([
      'rawtransactions',
      'rawtransactions',
      'consolidatedtransactions',
      'fulltransactionswithreturns',
      'tpc-dict-update',
    ]);
    // The management port: kept, and marked as not a way to consume the data.
    expect(spec.outputPorts[4]).toEqual({
      name: 'tpc-dict-update',
      type: 'stream',
      originalType: 'topic',
      description: 'Kafka topic for dictionary updates',
      details: { portKind: 'management', content: 'dictionary' },
    });

    expect(spec.inputPorts).toEqual([
      {
        name: 'payments',
        version: '1.0.0',
        contractId: 'dbb7b1eb-7628-436e-8914-2a00638ba6db',
      },
      {
        name: 'payments',
        version: '2.0.0',
        contractId: 'dbb7b1eb-7628-436e-8914-2a00638ba6da',
      },
      {
        name: 'onlinetransactions',
        version: '1.0.0',
        contractId: 'ec2a112d-5cfe-49f3-8760-f9cfb4597544',
      },
      {
        name: 'onlinetransactions',
        version: '1.1.0',
        contractId: 'ec2a112d-5cfe-49f3-8760-f9cfb4597547',
      },
    ]);
    expect(spec.support).toEqual([
      {
        channel: 'Data Team Slack',
        url: 'https://retailcorp.slack.com/archives/C1234567890',
        tool: 'slack',
        scope: 'interactive',
        description: 'Primary support channel for data product questions',
      },
      {
        channel: 'Email Support',
        url: 'mailto:data-support@retailcorp.com',
        tool: 'email',
        scope: 'issues',
        description: 'Email support for urgent issues',
      },
    ]);
    expect(spec.team).toEqual([
      {
        username: 'john.doe@retailcorp.com',
        name: 'John Doe',
        role: 'owner',
        description: 'Data Product Owner',
      },
      {
        username: 'jane.smith@retailcorp.com',
        name: 'Jane Smith',
        role: 'data steward',
        description: 'Data Steward',
      },
    ]);
    expect(spec.sla).toBeUndefined();
    expect(spec.usage).toBeUndefined();
  });

  it('converts the docs customer example (v0.9.0 declared, v1.0.0 shape)', async () => {
    const { entities, warnings } = convert(DOCS_CUSTOMER);
    expect(warnings).toEqual([]);
    await assertValidEntities(entities);
    const spec = entities[0].spec as any;

    // A v1.0.0 team object names the team, which owns the product.
    expect(spec.owner).toBe('group:default/data-team');
    expect(spec.team.map((m: any) => m.username)).toEqual([
      'john.doe@retailcorp.com',
      'jane.smith@retailcorp.com',
    ]);
    expect(spec.inputPorts[3]).toEqual({
      name: 'onlinetransactions',
      version: '1.1.0',
      contractId: 'ec2a112d-5cfe-49f3-8760-f9cfb4597547',
      details: {
        tags: ['transactions'],
        customProperties: [
          { property: 'transactions_version', value: '1.1.0' },
        ],
        authoritativeDefinitions: [
          { type: 'data_dictionary', url: 'https://mydata/dictionary' },
        ],
      },
    });
    expect(spec.outputPorts[1].details).toMatchObject({
      tags: ['transactions'],
      customProperties: [{ property: 'transactions_version', value: '2.0.0' }],
    });
    expect(spec.outputPorts[4].details).toMatchObject({
      portKind: 'management',
      content: 'dictionary',
      tags: ['kafka'],
    });
  });

  it('falls back to owner "unknown" with a warning when nothing names one', () => {
    const { entities, warnings } = convert(V0_9_CUSTOMER);
    expect((entities[0].spec as any).owner).toBe('unknown');
    expect(warnings).toEqual([
      {
        path: 'customProperties',
        message: expect.stringContaining('names no owner'),
      },
    ]);
  });

  it('goes through readDescriptor with the version warning of the docs example', () => {
    const result = readDescriptor(readCorpusFile(DOCS_CUSTOMER), {
      sourceLocation: SOURCE,
    });
    expect(result.errors).toEqual([]);
    expect(result.detected).toEqual({
      standard: 'odps',
      declaredVersion: 'v0.9.0',
    });
    expect(result.entities).toHaveLength(1);
    expect(result.warnings.map(w => w.path)).toEqual(['apiVersion']);
  });
});

describe("ODPS conversion of the suite's conventions", () => {
  const product = {
    apiVersion: 'v1.0.0',
    kind: 'DataProduct',
    id: 'premium-offices:tenancy-analytics',
    name: 'Tenancy analytics',
    version: '2.1.0',
    status: 'active',
    domain: 'Brokerage',
    description: { purpose: 'Leases of our tenants, as a star schema.' },
    authoritativeDefinitions: [
      {
        type: 'businessDefinition',
        url: 'https://wiki.example.com/tenancy',
        description: 'Glossary',
      },
    ],
    customProperties: [
      { property: 'owner', value: 'group:default/brokerage-data' },
      { property: 'classification', value: 'Confidential' },
      { property: 'dataProductType', value: 'aggregate' },
      { property: 'license', value: 'internal-use-only' },
      { property: 'redistribution', value: 'false' },
      { property: 'updateFrequency', value: 'daily' },
      { property: 'runbook', value: 'https://wiki.example.com/runbook' },
      { property: 'costCentre', value: 'CC-12' },
    ],
    inputPorts: [
      {
        name: 'leases',
        version: '1.0.0',
        contractId: 'erp-leases',
        customProperties: [{ property: 'source', value: 'ERP' }],
      },
      {
        name: 'ratings',
        version: '1.0.0',
        contractId: 'entity-ratings-v1',
        customProperties: [
          { property: 'dataProduct', value: 'Entity ratings' },
        ],
      },
    ],
    outputPorts: [
      {
        name: 'leases_view',
        type: 'sql',
        version: '2.1.0',
        contractId: 'tenancy-analytics-leases',
        customProperties: [
          { property: 'address', value: 'analytics.brokerage.leases_v2' },
        ],
      },
      { name: 'events', type: 'Kafka', version: '1.0.0' },
      { name: 'exports', type: 'S3 files', version: '1.0.0' },
      { name: 'feed', type: 'GraphQL', version: '1.0.0' },
      { name: 'cube', type: 'olap-cube', version: '1.0.0' },
    ],
  };

  it('reads owner, classification, type, licence, redistribution and update frequency', async () => {
    expect(odpsFormat.validate(product)).toMatchObject({
      valid: true,
      warnings: [],
    });
    const { entities, warnings } = odpsFormat.convert(product, {
      rawText: '',
    });
    expect(warnings).toEqual([]);
    await assertValidEntities(entities);
    const [entity] = entities;
    const spec = entity.spec as any;
    expect(entity.metadata.name).toBe('tenancy-analytics');
    expect(entity.metadata.links).toEqual([
      {
        url: 'https://wiki.example.com/tenancy',
        title: 'Glossary',
        type: 'businessDefinition',
      },
      { url: 'https://wiki.example.com/runbook', title: 'runbook' },
    ]);
    expect(spec).toMatchObject({
      owner: 'group:default/brokerage-data',
      domain: 'domain:default/brokerage',
      lifecycle: 'production',
      type: 'aggregate',
      version: '2.1.0',
      classification: 'confidential',
      usage: { license: 'internal-use-only', redistribution: false },
      sla: { updateFrequency: 'daily' },
    });
    expect(spec.inputPorts[0]).toMatchObject({ name: 'leases', source: 'ERP' });
    expect(spec.inputPorts[1]).toMatchObject({
      name: 'ratings',
      dataProduct: 'dataproduct:default/entity-ratings',
    });
    expect(spec.outputPorts[0]).toMatchObject({
      type: 'sql-view',
      originalType: 'sql',
      address: 'analytics.brokerage.leases_v2',
      contract: 'api:default/tenancy-analytics-leases',
    });
    expect(
      spec.outputPorts.slice(1).map((p: any) => [p.type, p.originalType]),
    ).toEqual([
      ['stream', 'Kafka'],
      ['file', 'S3 files'],
      ['api', 'GraphQL'],
      ['other', 'olap-cube'],
    ]);
  });

  it('leaves out a convention it cannot use, with a warning naming it', () => {
    const odd = {
      ...product,
      customProperties: [
        { property: 'classification', value: 'top secret' },
        { property: 'redistribution', value: 'maybe' },
      ],
    };
    const { entities, warnings } = odpsFormat.convert(odd, {
      rawText: '',
      defaultOwner: 'brokerage',
    });
    const spec = entities[0].spec as any;
    expect(spec.classification).toBeUndefined();
    expect(spec.usage).toBeUndefined();
    expect(spec.owner).toBe('group:default/brokerage');
    expect(warnings).toEqual([
      {
        path: 'customProperties[0].value',
        message:
          'custom property "classification" is left out: expected one of public, internal, confidential, restricted',
      },
      {
        path: 'customProperties[1].value',
        message:
          'custom property "redistribution" is left out: expected true or false',
      },
    ]);
  });

  it.each([
    ['active', 'production'],
    ['Current', 'production'],
    ['proposed', 'experimental'],
    ['development', 'experimental'],
    ['deprecated', 'deprecated'],
    ['retired', 'retired'],
    ['Sunset', 'sunset'],
  ])('maps status %s to lifecycle %s', (status, lifecycle) => {
    const { entities } = odpsFormat.convert(
      { ...product, status },
      { rawText: '' },
    );
    expect((entities[0].spec as any).lifecycle).toBe(lifecycle);
  });

  it('names the entity from the id when the name makes no entity name', () => {
    const { entities } = odpsFormat.convert(
      { ...product, name: '日本のデータ' },
      { rawText: '' },
    );
    expect(entities[0].metadata.name).toBe('premium-offices-tenancy-analytics');
    expect(entities[0].metadata.title).toBe('日本のデータ');
  });
});
