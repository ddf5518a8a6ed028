import type { ApiEntity, Entity } from '@backstage/catalog-model';
import type { DataContractSummary } from '../entities';
import { parseDescriptor } from '../parse';
import { readCorpusFile } from '../../testUtils/corpus';
import { assertValidEntities } from '../../testUtils/entities';
import { odcsFormat } from '.';

/** The contract summary the converter puts in the API entity's spec. */
const summaryOf = (entity: Entity) =>
  entity.spec?.dataContract as unknown as DataContractSummary;

const FULL_EXAMPLE =
  'odcs/open-data-contract-standard__docs__examples__all__full-example.odcs.yaml';

function convertFile(
  file: string,
  context: { defaultOwner?: string; sourceLocation?: string } = {},
) {
  const text = readCorpusFile(file);
  const document = parseDescriptor(text);
  expect(odcsFormat.validate(document).valid).toBe(true);
  const result = odcsFormat.convert(document, { ...context, rawText: text });
  expect(result.entities).toHaveLength(1);
  const entity = result.entities[0] as ApiEntity;
  const summary = summaryOf(entity);
  return { text, entity, summary, warnings: result.warnings };
}

function convertDocument(
  document: Record<string, unknown>,
  context: { defaultOwner?: string } = {},
) {
  const result = odcsFormat.convert(document, {
    rawText: 'contract',
    ...context,
  });
  return {
    entity: result.entities[0] as ApiEntity,
    warnings: result.warnings,
  };
}

const minimal = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'orders-contract',
  version: '1.0.0',
  status: 'active',
};

describe('convertOdcs on the full example', () => {
  it('makes one valid API entity of type data-contract', async () => {
    const { text, entity, warnings } = convertFile(FULL_EXAMPLE, {
      sourceLocation:
        'url:https://example.com/contracts/full-example.odcs.yaml',
    });
    await assertValidEntities([entity]);
    expect(warnings).toEqual([]);
    expect(entity.apiVersion).toBe('backstage.io/v1alpha1');
    expect(entity.kind).toBe('API');
    expect(entity.metadata).toEqual({
      name: '53581432-6c55-4ba2-a65f-72344a91553a',
      // No `name` in the contract: the title is its data product.
      title: 'my quantum',
      description: 'Views built on top of the seller tables.',
      tags: ['transactions'],
      annotations: {
        'datamesh/descriptor-standard': 'odcs',
        'datamesh/descriptor-version': 'v3.1.0',
        'datamesh/descriptor-id': '53581432-6c55-4ba2-a65f-72344a91553a',
        'backstage.io/source-location':
          'url:https://example.com/contracts/full-example.odcs.yaml',
      },
    });
    expect(entity.spec.type).toBe('data-contract');
    expect(entity.spec.lifecycle).toBe('production');
    // The team's name, as a group.
    expect(entity.spec.owner).toBe('group:default/my-team');
    expect(entity.spec.definition).toBe(text);
  });

  it('summarises the contract field by field', () => {
    const { summary } = convertFile(FULL_EXAMPLE);
    expect(summary.standard).toBe('odcs');
    expect(summary.version).toBe('v3.1.0');
    expect(summary.id).toBe('53581432-6c55-4ba2-a65f-72344a91553a');
    expect(summary.title).toBe('my quantum');
    expect(summary.contractVersion).toBe('1.1.0');
    expect(summary.status).toBe('active');
    expect(summary.domain).toBe('seller');
    expect(summary.dataProduct).toBe('my quantum');
    expect(summary.description).toEqual({
      purpose: 'Views built on top of the seller tables.',
      limitations: 'Data based on seller perspective, no buyer information',
      usage: 'Predict sales over time',
    });
    expect(summary.tags).toEqual(['transactions']);
  });

  it('keeps the schema objects, their properties and quality checks', () => {
    const { summary } = convertFile(FULL_EXAMPLE);
    expect(summary.objects.map(o => o.name)).toEqual(['tbl', 'receivers']);

    const [tbl, receivers] = summary.objects;
    expect(tbl).toMatchObject({
      name: 'tbl',
      physicalName: 'tbl_1',
      physicalType: 'table',
      description: 'Provides core payment metrics',
    });
    expect(tbl.properties.map(p => p.name)).toEqual([
      'transaction_reference_date',
      'rcvr_id',
      'rcvr_cntry_code',
    ]);
    expect(tbl.properties[0]).toEqual({
      name: 'transaction_reference_date',
      logicalType: 'date',
      physicalType: 'date',
      description: 'Reference date for transaction',
      required: false,
      primaryKey: false,
      classification: 'public',
      criticalDataElement: false,
      // Dates stay the strings they were written as.
      examples: ['2022-10-03', '2020-01-28'],
    });
    expect(tbl.properties[1]).toMatchObject({
      name: 'rcvr_id',
      primaryKey: true,
      classification: 'restricted',
      tags: ['uid'],
    });
    expect(tbl.properties[2].quality).toEqual([
      expect.objectContaining({
        metric: 'nullValues',
        mustBe: 0,
        dimension: 'completeness',
        type: 'library',
      }),
    ]);
    expect(tbl.quality).toEqual([
      expect.objectContaining({
        metric: 'rowCount',
        mustBeGreaterThan: 1000000,
        method: 'reconciliation',
      }),
    ]);

    expect(receivers.physicalName).toBe('receivers_master');
    expect(receivers.properties[0]).toEqual({
      name: 'id',
      logicalType: 'string',
      physicalType: 'varchar(18)',
      description: 'Unique identifier for receiver',
      required: true,
      unique: true,
      primaryKey: true,
      classification: 'restricted',
    });
  });

  it('keeps servers, SLA, terms, support and team', () => {
    const { summary } = convertFile(FULL_EXAMPLE);
    expect(summary.servers).toEqual([
      {
        server: 'my-postgres',
        type: 'postgres',
        host: 'localhost',
        port: 5432,
        database: 'pypl-edw',
        schema: 'pp_access_views',
      },
    ]);
    expect(summary.sla).toHaveLength(8);
    expect(summary.sla![0]).toEqual({
      property: 'latency',
      value: 4,
      unit: 'd',
      element: 'tab1.txn_ref_dt',
    });
    expect(summary.sla![1]).toEqual({
      property: 'generalAvailability',
      value: '2022-05-12T09:30:10-08:00',
    });
    expect(summary.sla![6]).toEqual({
      property: 'timeOfAvailability',
      value: '09:00-08:00',
      element: 'tab1.txn_ref_dt',
    });
    expect(summary.terms).toEqual({
      price: { priceAmount: 9.95, priceCurrency: 'USD', priceUnit: 'megabyte' },
      roles: expect.arrayContaining([
        {
          role: 'bq_unica_user_opr',
          access: 'write',
          firstLevelApprovers: 'Reporting Manager',
          secondLevelApprovers: 'mickey',
        },
      ]),
    });
    expect((summary.terms!.roles as unknown[]).length).toBe(4);
    expect(summary.support).toEqual([
      { channel: '#product-help', tool: 'slack' },
      {
        channel: 'datacontract-ann',
        tool: 'email',
        url: 'mailto:datacontract-ann@bitol.io',
      },
      {
        channel: 'Feedback',
        description: 'General Product Feedback (Public)',
        url: 'https://product-feedback.com',
      },
      {
        channel: 'product-issues',
        tool: 'teams',
        scope: 'issues',
        customProperties: [{ property: 'servicehours', value: '9-5 CET' }],
      },
    ]);
    // v3.1+: the team is an object; its members are the summary's team.
    expect(summary.team!.map(m => m.username)).toEqual([
      'ceastwood',
      'mhopper',
      'daustin',
    ]);
    expect(summary.team![0]).toEqual({
      username: 'ceastwood',
      role: 'Data Scientist',
      dateIn: '2022-08-02',
      dateOut: '2022-10-01',
      replacedByUsername: 'mhopper',
    });
  });

  it("prefers the contract's own owner to the catalog location's default", () => {
    const { entity } = convertFile(FULL_EXAMPLE, {
      defaultOwner: 'group:brokerage',
    });
    expect(entity.spec.owner).toBe('group:default/my-team');
  });
});

describe('convertOdcs on other shapes', () => {
  it('nests array items and map keys and values (v3.2.0)', () => {
    const { summary } = convertFile(
      'odcs-v3.2.0-dev/open-data-contract-standard__docs__examples__schema__map.odcs.yaml',
    );
    const [products] = summary.objects;
    const details = products.properties.find(
      p => p.name === 'product_details',
    )!;
    expect(details.logicalType).toBe('map');
    expect(details.properties!.map(p => p.name)).toEqual(['key', 'value']);
    expect(details.properties![1].properties!.map(p => p.name)).toEqual([
      'name',
      'price',
      'currency',
    ]);
    const scores = products.properties.find(p => p.name === 'tag_scores')!;
    expect(scores.properties![1].properties).toEqual([
      { name: 'items', logicalType: 'number' },
    ]);
  });

  it('reads a v3.0 team, which is a list of members', () => {
    const { entity } = convertDocument({
      ...minimal,
      apiVersion: 'v3.0.2',
      team: [{ username: 'ada', role: 'owner' }],
    });
    expect(summaryOf(entity).team).toEqual([
      { username: 'ada', role: 'owner' },
    ]);
  });

  it("reads the suite's owner custom property before the team's name", () => {
    const { entity } = convertDocument({
      ...minimal,
      team: { name: 'leasing' },
      customProperties: [
        { property: 'owner', value: 'group:default/brokerage' },
      ],
    });
    expect(entity.spec.owner).toBe('group:default/brokerage');
  });

  it("uses the catalog location's default owner when the contract names none", () => {
    const { entity, warnings } = convertDocument(minimal, {
      defaultOwner: 'group:brokerage',
    });
    expect(entity.spec.owner).toBe('group:brokerage');
    expect(warnings).toEqual([]);
  });

  it('falls back to the unknown owner, with a warning, when nothing names one', () => {
    const { entity, warnings } = convertDocument(minimal);
    expect(entity.spec.owner).toBe('unknown');
    expect(warnings).toEqual([
      {
        path: 'team.name',
        message: expect.stringContaining('names no owner'),
      },
    ]);
  });

  it('names the entity after the contract when its id cannot be a name', async () => {
    const byName = convertDocument({ ...minimal, id: '???', name: 'Orders' });
    expect(byName.entity.metadata.name).toBe('orders');
    expect(byName.warnings[0]).toEqual({
      path: 'id',
      message: expect.stringContaining('named the entity orders'),
    });
    const byDigest = convertDocument({ ...minimal, id: '???' });
    expect(byDigest.entity.metadata.name).toMatch(
      /^data-contract-[0-9a-f]{8}$/,
    );
    await assertValidEntities([byName.entity, byDigest.entity]);
  });

  it('uses the applied default element of the SLA', () => {
    const { entity } = convertDocument({
      ...minimal,
      slaDefaultElement: 'orders.created_at',
      slaProperties: [
        { property: 'latency', value: 1, unit: 'd' },
        { property: 'retention', value: 3, unit: 'y', element: 'orders.id' },
      ],
    });
    expect(summaryOf(entity).sla).toEqual([
      {
        property: 'latency',
        value: 1,
        unit: 'd',
        element: 'orders.created_at',
      },
      { property: 'retention', value: 3, unit: 'y', element: 'orders.id' },
    ]);
  });
});

describe('convertOdcs on ODCS v2 (legacy)', () => {
  const V2_FULL =
    'odcs-v2/open-data-contract-standard__v2.2.2__examples__all__full-example.odcs.yaml';

  it('reads dataset tables and columns as objects and properties', async () => {
    const { entity, summary, warnings } = convertFile(V2_FULL);
    await assertValidEntities([entity]);
    expect(entity.metadata.name).toBe('53581432-6c55-4ba2-a65f-72344a91553a');
    expect(entity.metadata.title).toBe('access_views');
    expect(summary.version).toBe('v2.2.2');
    expect(summary.dataProduct).toBe('my quantum');
    expect(summary.domain).toBe('seller');
    expect(summary.objects).toHaveLength(1);
    expect(summary.objects[0]).toMatchObject({
      name: 'tbl',
      physicalName: 'tbl_1',
      description: 'Provides core payment metrics',
    });
    expect(summary.objects[0].properties[1]).toEqual({
      name: 'rcvr_id',
      logicalType: 'string',
      physicalType: 'varchar(18)',
      description: 'A description for column rcvr_id.',
      // isNullable: false
      required: true,
      primaryKey: true,
      classification: 'restricted',
      criticalDataElement: false,
    });
    expect(summary.team!.map(m => m.username)).toEqual([
      'ceastwood',
      'mhopper',
      'daustin',
    ]);
    expect(summary.support).toEqual([
      { channel: '#product-help', tool: 'slack' },
      {
        channel: 'product-dl@ClimateQuantum.org',
        tool: 'email',
        url: 'mailto:product-dl@ClimateQuantum.org',
      },
      { channel: 'feedback', url: 'https://product-feedback.com/sellers' },
    ]);
    expect(summary.sla![0]).toEqual({
      property: 'latency',
      value: 4,
      unit: 'd',
      element: 'tab1.txn_ref_dt',
    });
    // The credentials of the example are placeholders: nothing to warn about, and the
    // summary's server leaves them out.
    expect(warnings).toEqual([expect.objectContaining({ path: 'team.name' })]);
    expect(JSON.stringify(summary.servers)).not.toContain('password');
  });

  it('warns about a stated password, which the definition keeps', () => {
    const document = parseDescriptor(readCorpusFile(V2_FULL)) as Record<
      string,
      unknown
    >;
    const { warnings } = convertDocument({ ...document, password: 'hunter2' });
    expect(warnings).toContainEqual({
      path: 'password',
      message: expect.stringContaining('anyone who can read the entity'),
    });
  });
});
