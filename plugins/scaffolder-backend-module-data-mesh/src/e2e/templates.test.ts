import { createMockDirectory } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  directoryContents,
  PortalBackend,
  repoRoot,
  runTemplate,
  startPortalBackend,
  templatesDir,
  waitFor,
} from '../__testUtils__/portalBackend';

/**
 * Each template end to end through the real scaffolder backend: the dry-run endpoint (the
 * template editor's), then a real run with the local publisher; the product it creates
 * passes `datamesh validate` and is ingested by the catalog's data mesh module.
 */

const leasePipeline = {
  title: 'Lease pipeline',
  name: 'lease-pipeline',
  domain: 'domain:default/brokerage',
  owner: 'group:default/brokerage-data-team',
  purpose:
    'Leases under negotiation, one row per offer, so brokers see the pipeline.',
  limitations: 'Offers older than two years are archived and left out.',
  classification: 'internal',
  updateFrequency: 'daily',
  license: 'Internal use only',
  redistribution: false,
  outputPorts: [
    {
      name: 'open-offers',
      type: 'sql-view',
      address: 'warehouse.brokerage_pipeline.open_offers',
      description: 'Offers not yet signed or withdrawn.',
      columns: [
        {
          name: 'offer_id',
          logicalType: 'string',
          required: true,
          description: 'The offer id in the CRM.',
        },
        { name: 'monthly_rent', logicalType: 'number', required: false },
      ],
    },
  ],
  publisher: 'local',
};

const tenantExposure = {
  ...leasePipeline,
  title: 'Tenant exposure',
  name: 'tenant-exposure',
  purpose:
    'Rent at risk per tenant entity, from its leases and its credit ratings.',
  type: 'aggregate',
  inputs: [
    'dataproduct:default/tenancy-analytics',
    'dataproduct:default/entity-ratings',
  ],
  classification: 'restricted',
  accessPolicy:
    'Risk analysts and brokers; the Brokerage data owner approves each request.',
  outputPorts: [
    {
      name: 'exposure-by-tenant',
      type: 'table',
      address: 'warehouse.brokerage_risk.exposure_by_tenant',
      columns: [
        { name: 'tenant_entity_id', logicalType: 'string', required: true },
        { name: 'rent_at_risk', logicalType: 'number' },
      ],
    },
  ],
};

const relationsOf = (entity: Entity) =>
  (entity.relations ?? []).map(r => `${r.type} ${r.targetRef}`);

/** `datamesh validate`, as a product repository's CI runs it. */
function datameshValidate(folder: string): string {
  return execFileSync(
    process.execPath,
    [join(repoRoot, 'packages/datamesh-cli/bin/datamesh'), 'validate', folder],
    { encoding: 'utf8' },
  );
}

describe('the data product templates, end to end', () => {
  const published = createMockDirectory();
  let portal: PortalBackend;
  const timings: string[] = [];

  beforeAll(async () => {
    portal = await startPortalBackend(published.path);
    const templateNames = [
      'source-aligned-data-product',
      'aggregate-data-product',
      'evolve-data-product',
    ];
    const backend = portal;
    await waitFor(async () => {
      const templates = await Promise.all(
        templateNames.map(name =>
          backend.get(`/api/catalog/entities/by-name/template/default/${name}`),
        ),
      );
      return templates.every(t => t?.kind === 'Template');
    }, 'the templates in the catalog');
    await waitFor(
      async () =>
        (
          await portal.get(
            '/api/catalog/entities/by-name/dataproduct/default/entity-ratings',
          )
        )?.relations?.length > 0 &&
        (
          await portal.get(
            '/api/catalog/entities/by-name/group/default/brokerage-data-team',
          )
        )?.kind,
      'the demo mesh in the catalog',
    );
  }, 180_000);

  afterAll(async () => {
    // The measured times, for the closing note.
    process.stderr.write(`${timings.join('\n')}\n`);
    await portal?.backend.stop();
  });

  const dryRun = async (templateName: string, values: object) => {
    const template = await portal.get(
      `/api/catalog/entities/by-name/template/default/${templateName}`,
    );
    return portal.post('/api/scaffolder/v2/dry-run', {
      template,
      values,
      directoryContents: directoryContents(join(templatesDir, 'data-product')),
    });
  };

  it('source-aligned: the form rules refuse bad answers before a run', async () => {
    const badName = await dryRun('source-aligned-data-product', {
      ...leasePipeline,
      name: 'Lease_Pipeline',
    });
    expect(badName.status).toBe(400);
    expect(JSON.stringify(badName.body.errors)).toContain(
      'does not match pattern',
    );

    const noOwner = await dryRun('source-aligned-data-product', {
      ...leasePipeline,
      owner: undefined,
    });
    expect(noOwner.status).toBe(400);
    expect(JSON.stringify(noOwner.body.errors)).toContain(
      'requires property \\"owner\\"',
    );

    const restricted = await dryRun('source-aligned-data-product', {
      ...leasePipeline,
      classification: 'restricted',
    });
    expect(restricted.status).toBe(400);
    expect(JSON.stringify(restricted.body.errors)).toContain('accessPolicy');
  }, 60_000);

  it('source-aligned: a dry run shows the repository it would create, and publishes nothing', async () => {
    const response = await dryRun('source-aligned-data-product', leasePipeline);
    expect(response.status).toBe(200);
    const files = Object.fromEntries(
      response.body.directoryContents.map(
        (f: { path: string; base64Content: string }) => [
          f.path,
          Buffer.from(f.base64Content, 'base64').toString('utf8'),
        ],
      ),
    );
    expect(Object.keys(files).sort()).toEqual([
      '.github/workflows/datamesh.yaml',
      '.gitlab-ci.yml',
      'README.md',
      'catalog-info.yaml',
      'dbt/dbt_project.yml',
      'dbt/models/open_offers.sql',
      'dbt/models/schema.yml',
      'dbt/models/sources.yml',
      'docs/index.md',
      'lease-pipeline.odcs.yaml',
      'lease-pipeline.odps.yaml',
      'mkdocs.yml',
    ]);
    expect(parse(files['mkdocs.yml'])).toMatchObject({
      site_name: 'Lease pipeline',
      plugins: ['techdocs-core'],
    });
    expect(files['docs/index.md']).toContain(
      '| `offer_id` | string | yes | The offer id in the CRM. |',
    );
    expect(files['dbt/models/open_offers.sql']).toContain(
      "{{ config(materialized='view', schema='brokerage_pipeline', alias='open_offers') }}",
    );
    expect(files['dbt/models/open_offers.sql']).toContain(
      "from {{ source('source_system', 'open_offers') }}",
    );
    expect(
      parse(files['dbt/models/schema.yml']).models[0].columns.map(
        (c: any) => c.name,
      ),
    ).toEqual(['offer_id', 'monthly_rent']);
    expect(parse(files['dbt/models/sources.yml']).sources[0]).toMatchObject({
      name: 'source_system',
      tables: [{ name: 'open_offers' }],
    });
    expect(files['.github/workflows/datamesh.yaml']).toContain(
      'npx --yes @datamesh/cli validate .',
    );
    expect(response.body.output.links[0]).toMatchObject({
      entityRef: 'dataproduct:default/lease-pipeline',
    });
    expect(published.content()).toEqual({});
  }, 60_000);

  it('source-aligned: a real run publishes, registers and shows the product in the catalog', async () => {
    const started = Date.now();
    const task = await runTemplate(
      portal,
      'source-aligned-data-product',
      leasePipeline,
    );
    expect(task.log.filter(l => /error/i.test(l))).toEqual([]);
    expect(task.status).toBe('completed');

    // The product is in the catalog when the task ends: the template's link works at once.
    const product: Entity = await portal.get(
      '/api/catalog/entities/by-name/dataproduct/default/lease-pipeline',
    );
    const visibleAfterTaskEnd = Date.now() - task.endedAt;
    timings.push(
      `source-aligned: task ${
        task.endedAt - started
      } ms from submit to end; product visible ${visibleAfterTaskEnd} ms after the task ended; ${
        task.log.find(l => l.includes('is in the catalog')) ?? ''
      }`,
    );
    expect(product.spec).toMatchObject({
      type: 'source-aligned',
      version: '1.0.0',
      classification: 'internal',
    });
    await waitFor(async () => {
      const p = await portal.get(
        '/api/catalog/entities/by-name/dataproduct/default/lease-pipeline',
      );
      return (
        relationsOf(p).includes(
          'providesApi api:default/lease-pipeline-contract',
        ) && p
      );
    }, 'the product relations');
    const stitched = await portal.get(
      '/api/catalog/entities/by-name/dataproduct/default/lease-pipeline',
    );
    expect(relationsOf(stitched)).toEqual(
      expect.arrayContaining([
        'partOf domain:default/brokerage',
        'ownedBy group:default/brokerage-data-team',
        'providesApi api:default/lease-pipeline-contract',
      ]),
    );
    expect(task.output?.output?.links?.[0]).toMatchObject({
      entityRef: 'dataproduct:default/lease-pipeline',
    });

    const repo = published.resolve('lease-pipeline');
    expect(datameshValidate(repo).trim().split('\n')).toEqual([
      `ok       ${repo}/lease-pipeline.odcs.yaml (ODCS v3.1.0)`,
      `ok       ${repo}/lease-pipeline.odps.yaml (ODPS v1.0.0)`,
    ]);
    expect(
      readFileSync(join(repo, 'dbt/models/open_offers.sql'), 'utf8'),
    ).toContain('offer_id,');
  }, 180_000);

  it('source-aligned: publishing the same name again fails, naming the field', async () => {
    const task = await runTemplate(
      portal,
      'source-aligned-data-product',
      leasePipeline,
    );
    expect(task.status).toBe('failed');
    expect(task.log.join('\n')).toContain(
      'name: a data product named lease-pipeline already exists',
    );
  }, 120_000);

  it('aggregate: a dry run, then a real run whose input ports become lineage', async () => {
    const dry = await dryRun('aggregate-data-product', tenantExposure);
    expect(dry.status).toBe(200);
    const sources = dry.body.directoryContents.find(
      (f: { path: string }) => f.path === 'dbt/models/sources.yml',
    );
    expect(
      parse(
        Buffer.from(sources.base64Content, 'base64').toString(),
      ).sources.map((s: any) => s.name),
    ).toEqual(['tenancy_analytics', 'entity_ratings']);

    const started = Date.now();
    const task = await runTemplate(
      portal,
      'aggregate-data-product',
      tenantExposure,
    );
    expect(task.status).toBe('completed');
    timings.push(
      `aggregate: task ${task.endedAt - started} ms from submit to end; ${
        task.log.find(l => l.includes('is in the catalog')) ?? ''
      }`,
    );
    const product = await waitFor(async () => {
      const p = await portal.get(
        '/api/catalog/entities/by-name/dataproduct/default/tenant-exposure',
      );
      return (
        relationsOf(p).includes(
          'dependsOn dataproduct:default/entity-ratings',
        ) && p
      );
    }, 'lineage of the aggregate product');
    expect(relationsOf(product)).toEqual(
      expect.arrayContaining([
        'dependsOn dataproduct:default/tenancy-analytics',
        'dependsOn dataproduct:default/entity-ratings',
      ]),
    );
    expect(product.spec).toMatchObject({
      type: 'aggregate',
      classification: 'restricted',
    });
    expect(datameshValidate(published.resolve('tenant-exposure'))).toContain(
      'ok ',
    );
  }, 180_000);

  const evolution = {
    product: 'dataproduct:default/lease-pipeline',
    version: '1.1.0',
    summary: 'Brokers asked for signed leases too.',
    outputPort: {
      action: 'add',
      name: 'signed-leases',
      type: 'table',
      address: 'warehouse.brokerage_pipeline.signed_leases',
      columns: [{ name: 'offer_id', logicalType: 'string', required: true }],
    },
    publisher: 'local',
  };

  it('evolve: a dry run reports the change, a real run publishes the new version', async () => {
    const dry = await dryRun('evolve-data-product', evolution);
    expect(dry.status).toBe(200);
    expect(dry.body.output.text[0].content).toContain(
      'schema[signed-leases]: added',
    );

    const task = await runTemplate(portal, 'evolve-data-product', evolution);
    expect(task.status).toBe('completed');
    const product = await portal.get(
      '/api/catalog/entities/by-name/dataproduct/default/lease-pipeline',
    );
    expect(product.spec.version).toBe('1.1.0');
    expect(product.spec.outputPorts.map((p: any) => p.name)).toEqual([
      'open-offers',
      'signed-leases',
    ]);
    // The rest of the repository is kept: the change writes only the descriptor and contract.
    expect(published.content()?.['lease-pipeline']).toHaveProperty([
      'dbt',
      'models',
      'open_offers.sql',
    ]);
    expect(datameshValidate(published.resolve('lease-pipeline'))).toContain(
      'ok ',
    );
  }, 180_000);

  it('evolve: a breaking change without a major version fails the run, and nothing is published', async () => {
    const task = await runTemplate(portal, 'evolve-data-product', {
      ...evolution,
      version: '1.2.0',
      outputPort: { action: 'none' },
      schemaChanges: [
        { port: 'open-offers', action: 'remove', property: 'monthly_rent' },
      ],
    });
    expect(task.status).toBe('failed');
    expect(task.log.join('\n')).toContain(
      'schema[open-offers].properties[monthly_rent]: removed: consumers that read it break',
    );
    const product = await portal.get(
      '/api/catalog/entities/by-name/dataproduct/default/lease-pipeline',
    );
    expect(product.spec.version).toBe('1.1.0');
  }, 180_000);
});
