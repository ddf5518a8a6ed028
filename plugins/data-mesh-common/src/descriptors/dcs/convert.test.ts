import type { Entity } from '@backstage/catalog-model';
import { readCorpusFile } from '../../testUtils/corpus';
import { assertValidEntities } from '../../testUtils/entities';
import type { ContractObject, DataContractSummary } from '../entities';
import { parseDescriptor } from '../parse';
import type { ConversionContext, DescriptorIssue } from '../types';
import { dcsFormat } from '.';

const ORDERS_LATEST =
  'dcs/datacontract-specification__examples__orders-latest__datacontract.yaml';
const ORDERS_NESTED =
  'dcs/datacontract-specification__examples__orders-latest-nested__datacontract.yaml';
const COVID_CASES =
  'dcs/datacontract-specification__examples__covid-cases__datacontract.yaml';

function convert(text: string, context: Partial<ConversionContext> = {}) {
  const document = parseDescriptor(text);
  const validation = dcsFormat.validate(document);
  expect(validation.errors).toEqual([]);
  const result = dcsFormat.convert(document, { rawText: text, ...context });
  expect(result.entities).toHaveLength(1);
  return { entity: result.entities[0], warnings: result.warnings };
}

const summaryOf = (entity: Entity) =>
  entity.spec!.dataContract as DataContractSummary;

describe('converting orders-latest (1.2.0)', () => {
  const text = readCorpusFile(ORDERS_LATEST);
  let entity: Entity;
  let warnings: DescriptorIssue[];
  let summary: DataContractSummary;
  let orders: ContractObject;
  let lineItems: ContractObject;
  const property = (name: string) =>
    orders.properties.find(p => p.name === name)!;

  beforeAll(() => {
    ({ entity, warnings } = convert(text, {
      sourceLocation: 'url:https://example.com/orders-latest/datacontract.yaml',
    }));
    summary = summaryOf(entity);
    orders = summary.objects.find(o => o.name === 'orders')!;
    lineItems = summary.objects.find(o => o.name === 'line_items')!;
  });

  it('is a valid API entity of type data-contract', async () => {
    await assertValidEntities([entity]);
    expect(warnings).toEqual([]);
    expect(entity.apiVersion).toBe('backstage.io/v1alpha1');
    expect(entity.kind).toBe('API');
    expect(entity.spec).toMatchObject({
      type: 'data-contract',
      lifecycle: 'production',
      owner: 'group:default/checkout-team',
      definition: text,
    });
  });

  it('names and describes the entity from id and info', () => {
    expect(entity.metadata).toMatchObject({
      name: 'orders-latest',
      title: 'Orders Latest',
      description:
        'Successful customer orders in the webshop.\nAll orders since 2020-01-01.\nOrders with their line items are in their current state (no history included).',
      tags: ['checkout', 'orders', 's3'],
      annotations: {
        'datamesh/descriptor-standard': 'dcs',
        'datamesh/descriptor-version': '1.2.0',
        'datamesh/descriptor-id': 'orders-latest',
        'backstage.io/source-location':
          'url:https://example.com/orders-latest/datacontract.yaml',
      },
    });
    expect(entity.metadata.links).toEqual([
      {
        url: 'https://teams.microsoft.com/l/channel/example/checkout',
        title: 'Contact: John Doe (Data Product Owner)',
      },
      { url: 'https://cli.datacontract.com', title: 'datacontractCli' },
    ]);
  });

  it('summarises the contract header', () => {
    expect(summary).toMatchObject({
      standard: 'dcs',
      version: '1.2.0',
      id: 'orders-latest',
      title: 'Orders Latest',
      contractVersion: '2.0.0',
      tags: ['checkout', 'orders', 's3'],
      support: [
        {
          name: 'John Doe (Data Product Owner)',
          url: 'https://teams.microsoft.com/l/channel/example/checkout',
        },
      ],
      team: [{ name: 'Checkout Team', role: 'owner' }],
    });
    expect(summary.status).toBeUndefined();
    expect(summary.description?.purpose).toMatch(
      /^Successful customer orders in the webshop\./,
    );
    expect(summary.description?.usage).toMatch(/^Data can be used for reports/);
    expect(summary.description?.limitations).toMatch(
      /^Not suitable for real-time use cases\./,
    );
  });

  it('keeps the models as objects with their type and description', () => {
    expect(summary.objects.map(o => [o.name, o.physicalType])).toEqual([
      ['orders', 'table'],
      ['line_items', 'table'],
    ]);
    expect(orders.description).toBe(
      'One record per order. Includes cancelled and deleted orders.',
    );
    expect(orders.properties.map(p => p.name)).toEqual([
      'order_id',
      'order_timestamp',
      'order_total',
      'customer_id',
      'customer_email_address',
      'processed_timestamp',
    ]);
    expect(orders.quality).toEqual([
      expect.objectContaining({ type: 'sql', mustBeLessThan: 3600 }),
      expect.objectContaining({
        type: 'sql',
        description: 'Row Count',
        mustBeGreaterThan: 5,
      }),
    ]);
  });

  it('resolves a field that references a definition, the field winning', () => {
    expect(property('order_id')).toEqual({
      name: 'order_id',
      logicalType: 'text',
      description:
        'An internal ID that identifies an order in the online shop.',
      required: true,
      unique: true,
      primaryKey: true,
      classification: 'restricted',
      pii: true,
      tags: ['orders'],
      examples: ['243c25e5-a081-43a9-aeab-6d5d5b6cb5e2'],
    });
  });

  it('keeps each field as written', () => {
    expect(property('order_timestamp')).toEqual({
      name: 'order_timestamp',
      logicalType: 'timestamp',
      description:
        'The business timestamp in UTC when the order was successfully registered in the source system and the payment was successful.',
      required: true,
      tags: ['business-timestamp'],
      // A date-time example stays the string it was written as.
      examples: ['2024-09-09T08:30:00Z'],
    });
    expect(property('order_total')).toMatchObject({
      logicalType: 'long',
      required: true,
      examples: [9999],
      quality: [
        expect.objectContaining({
          type: 'sql',
          mustBeBetween: [1000, 49900],
        }),
      ],
    });
    expect(property('customer_id')).toEqual({
      name: 'customer_id',
      logicalType: 'text',
      description: 'Unique identifier for the customer.',
    });
    expect(property('customer_email_address')).toMatchObject({
      logicalType: 'text',
      required: true,
      pii: true,
      classification: 'sensitive',
      quality: [
        {
          type: 'text',
          description: 'The email address is not verified and may be invalid.',
        },
      ],
    });
  });

  it("marks the fields of a model's composite primary key", () => {
    expect(
      lineItems.properties.map(p => [p.name, p.primaryKey, p.logicalType]),
    ).toEqual([
      ['line_item_id', true, 'text'],
      ['order_id', true, 'text'],
      ['sku', undefined, 'text'],
    ]);
    // The field's own description wins over the definition's.
    expect(lineItems.properties[2]).toMatchObject({
      description: 'The purchased article number',
      tags: ['inventory'],
      examples: ['96385074'],
    });
  });

  it('keeps each named server with its fields', () => {
    expect(summary.servers).toEqual([
      {
        name: 'production',
        type: 's3',
        environment: 'prod',
        location: 's3://datacontract-example-orders-latest/v2/{model}/*.json',
        format: 'json',
        delimiter: 'new_line',
        description: 'One folder per model. One file per day.',
        roles: [
          {
            name: 'analyst_us',
            description: 'Access to the data for US region',
          },
          {
            name: 'analyst_cn',
            description: 'Access to the data for China region',
          },
        ],
      },
    ]);
  });

  it('keeps every service level as written', () => {
    expect(summary.sla).toEqual([
      { property: 'availability', value: '99.9%' },
      {
        property: 'availability.description',
        value: 'The server is available during support hours',
      },
      { property: 'retention', value: 'P1Y' },
      {
        property: 'retention.description',
        value: 'Data is retained for one year',
      },
      { property: 'retention.unlimited', value: false },
      { property: 'latency', value: '25h' },
      {
        property: 'latency.description',
        value: 'Data is available within 25 hours after the order was placed',
      },
      {
        property: 'latency.sourceTimestampField',
        value: 'orders.order_timestamp',
      },
      {
        property: 'latency.processedTimestampField',
        value: 'orders.processed_timestamp',
      },
      {
        property: 'freshness',
        value: '25h',
        element: 'orders.order_timestamp',
      },
      {
        property: 'freshness.description',
        value: 'The age of the youngest row in a table.',
      },
      { property: 'frequency', value: 'daily' },
      {
        property: 'frequency.description',
        value: 'Data is delivered once a day',
      },
      { property: 'frequency.type', value: 'batch' },
      { property: 'frequency.cron', value: '0 0 * * *' },
      { property: 'support', value: '9am to 5pm in EST on business days' },
      {
        property: 'support.description',
        value:
          'The data is available during typical business hours at headquarters',
      },
      { property: 'support.responseTime', value: '1h' },
      { property: 'backup', value: 'weekly' },
      {
        property: 'backup.description',
        value: 'Data is backed up once a week, every Sunday at 0:00 UTC.',
      },
      { property: 'backup.cron', value: '0 0 * * 0' },
      { property: 'backup.recoveryTime', value: '24 hours' },
      { property: 'backup.recoveryPoint', value: '1 week' },
    ]);
  });

  it('keeps the terms, policies included', () => {
    expect(summary.terms).toEqual({
      usage:
        'Data can be used for reports, analytics and machine learning use cases.\nOrder may be linked and joined by other tables\n',
      limitations:
        'Not suitable for real-time use cases.\nData may not be used to identify individual customers.\nMax data processing per day: 10 TiB\n',
      policies: [
        { name: 'privacy-policy', url: 'https://example.com/privacy-policy' },
        {
          name: 'license',
          description: 'External data is licensed under agreement 1234.',
          url: 'https://example.com/license/1234',
        },
      ],
      billing: '5000 USD per month',
      noticePeriod: 'P3M',
    });
  });
});

describe('converting 0.9.3 contracts', () => {
  it('nests fields, array items and their descriptions', () => {
    const { entity } = convert(readCorpusFile(ORDERS_NESTED));
    expect(entity.metadata.name).toBe('orders-latest-nested');
    expect(entity.metadata.annotations?.['datamesh/descriptor-id']).toBe(
      'urn:orders-latest-nested',
    );
    const orders = summaryOf(entity).objects[0];
    const address = orders.properties.find(p => p.name === 'address')!;
    expect(address).toMatchObject({
      logicalType: 'object',
      properties: [
        { name: 'street', logicalType: 'text' },
        { name: 'city', logicalType: 'text' },
        {
          name: 'additional_lines',
          logicalType: 'array',
          properties: [
            {
              name: 'items',
              logicalType: 'text',
              description: 'Additional line',
            },
          ],
        },
      ],
    });
    // `primary` (before 1.1.0) and `example` (one value) are read too.
    expect(orders.properties[0]).toMatchObject({
      name: 'order_id',
      primaryKey: true,
      examples: ['243c25e5-a081-43a9-aeab-6d5d5b6cb5e2'],
    });
  });

  it('keeps the contract-wide quality block of 0.9.x', () => {
    const { entity } = convert(readCorpusFile(COVID_CASES));
    expect(summaryOf(entity).quality).toEqual([
      {
        type: 'SodaCL',
        specification: {
          'checks for covid_cases': [
            'freshness(last_update::datetime) < 5000d',
            'row_count > 1000',
          ],
        },
      },
    ]);
  });
});

describe('owner, lifecycle and names', () => {
  const minimal = (info: string, rest = '') => `dataContractSpecification: 1.2.1
id: tenancy-leases
info:
  title: Tenancy leases
  version: 1.0.0
${info}
${rest}`;

  it('keeps an owner that is already an entity reference', () => {
    const { entity } = convert(minimal('  owner: group:brokerage/leasing'));
    expect(entity.spec?.owner).toBe('group:brokerage/leasing');
  });

  it('makes a group reference of an owner name', () => {
    const { entity } = convert(minimal('  owner: Brokerage Data Team'));
    expect(entity.spec?.owner).toBe('group:default/brokerage-data-team');
  });

  it('uses the default owner when the contract names none', () => {
    const { entity, warnings } = convert(minimal(''), {
      defaultOwner: 'group:default/data-platform',
    });
    expect(entity.spec?.owner).toBe('group:default/data-platform');
    expect(warnings).toEqual([]);
  });

  it('falls back to "unknown", with a warning, when there is no owner at all', async () => {
    const { entity, warnings } = convert(minimal(''));
    expect(entity.spec?.owner).toBe('unknown');
    expect(warnings).toEqual([
      { path: 'info.owner', message: expect.stringContaining('no owner') },
    ]);
    await assertValidEntities([entity]);
  });

  it('reads the lifecycle from info.status', () => {
    const { entity, warnings } = convert(
      minimal('  status: proposed\n  owner: brokerage'),
    );
    expect(entity.spec?.lifecycle).toBe('experimental');
    expect(summaryOf(entity).status).toBe('proposed');
    expect(warnings).toEqual([]);
  });

  it('names the entity after the title when the id cannot be a name', async () => {
    const { entity, warnings } = convert(
      minimal('  owner: brokerage').replace('id: tenancy-leases', 'id: "???"'),
    );
    expect(entity.metadata.name).toBe('tenancy-leases');
    expect(warnings).toEqual([
      {
        path: 'id',
        message: expect.stringContaining('named after info.title'),
      },
    ]);
    await assertValidEntities([entity]);
  });

  it('keeps dates as the strings they were written as', () => {
    const { entity } = convert(
      minimal(
        '  owner: brokerage',
        `models:
  leases:
    fields:
      start_date:
        type: date
        examples: [2024-01-01]
        example: 2024-01-01`,
      ),
    );
    expect(summaryOf(entity).objects[0].properties[0].examples).toEqual([
      '2024-01-01',
    ]);
  });

  it('warns about references it cannot resolve and stops at recursive ones', async () => {
    const { entity, warnings } = convert(
      minimal(
        '  owner: brokerage',
        `models:
  buildings:
    fields:
      floor:
        $ref: '#/definitions/floor'
      landlord:
        $ref: 'https://example.com/definitions.yaml#/landlord'
      tenant:
        $ref: '#/definitions/tenant'
definitions:
  floor:
    type: object
    description: A floor, with the floors of its annex.
    fields:
      annex:
        $ref: '#/definitions/floor'`,
      ),
    );
    const [floor, landlord, tenant] = summaryOf(entity).objects[0].properties;
    expect(floor).toEqual({
      name: 'floor',
      logicalType: 'object',
      description: 'A floor, with the floors of its annex.',
      properties: [
        {
          name: 'annex',
          logicalType: 'object',
          description: 'A floor, with the floors of its annex.',
        },
      ],
    });
    expect(landlord).toEqual({ name: 'landlord' });
    expect(tenant).toEqual({ name: 'tenant' });
    expect(warnings).toEqual([
      {
        path: 'models.buildings.fields.landlord.$ref',
        message: expect.stringContaining('outside this contract'),
      },
      {
        path: 'models.buildings.fields.tenant.$ref',
        message: expect.stringContaining('names no definition'),
      },
    ]);
    await assertValidEntities([entity]);
  });

  it('stops when references multiply a small file into a huge summary', async () => {
    // Each level references the next twice: 2^30 fields if expanded in full.
    const levels = Array.from(
      { length: 30 },
      (_, i) => `  level${i}:
    type: object
    fields:
      left: {$ref: '#/definitions/level${i + 1}'}
      right: {$ref: '#/definitions/level${i + 1}'}`,
    ).join('\n');
    const { entity, warnings } = convert(
      minimal(
        '  owner: brokerage',
        `models:
  tree:
    fields:
      root: {$ref: '#/definitions/level0'}
definitions:
${levels}
  level30:
    type: text`,
      ),
    );
    expect(JSON.stringify(entity).length).toBeLessThan(2_000_000);
    expect(warnings).toContainEqual({
      path: expect.stringMatching(/^models\.tree\.fields\.root/),
      message: expect.stringContaining('the summary stops after 5000 fields'),
    });
    await assertValidEntities([entity]);
  });

  it('makes links only of web addresses', () => {
    const { entity, warnings } = convert(
      minimal(
        '  owner: brokerage',
        `links:
  docs: https://docs.example.com
  script: javascript:alert(1)`,
      ),
    );
    expect(entity.metadata.links).toEqual([
      { url: 'https://docs.example.com', title: 'docs' },
    ]);
    expect(warnings).toEqual([
      { path: 'links.script', message: expect.stringContaining('http(s)') },
    ]);
  });
});
