import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readDescriptor } from '@datamesh/plugin-data-mesh-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import {
  demoCatalogDir,
  demoCatalogEntities,
} from '../__testUtils__/demoCatalog';
import { createDiffContractAction } from './diffContract';
import { createEvolveDescriptorAction } from './evolveDescriptor';
import { examples } from './evolveDescriptor.examples';

const exampleInput = (index: number) =>
  parse(examples[index].example).steps[0].input;

describe('datamesh:descriptor:evolve', () => {
  const workspace = createMockDirectory();
  const catalog = catalogServiceMock({ entities: demoCatalogEntities() });
  const evolve = createEvolveDescriptorAction({ catalog });
  const diff = createDiffContractAction({ catalog });

  beforeEach(() => workspace.clear());

  const run = async (action: typeof evolve | typeof diff, input: any) => {
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });
    await action.handler(ctx as any);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  };
  const read = (file: string) => readFileSync(workspace.resolve(file), 'utf8');

  it('adds a port: the next version of the descriptor and of the contract as its team wrote it', async () => {
    const outputs = await run(evolve, exampleInput(0));
    expect(outputs).toEqual({
      entityRef: 'dataproduct:default/tenancy-analytics',
      repoName: 'tenancy-analytics',
      previousVersion: '2.1.0',
      productPath: 'tenancy-analytics.odps.yaml',
      contractPath: 'tenancy-analytics.odcs.yaml',
      contractRef: 'api:default/tenancy-analytics-contract',
    });
    const [product] = readDescriptor(
      read('tenancy-analytics.odps.yaml'),
    ).entities;
    expect(product.spec).toMatchObject({
      version: '2.2.0',
      classification: 'confidential',
      owner: 'group:default/brokerage-data-team',
      outputPorts: [
        { name: 'leases-by-month', version: '2.2.0' },
        { name: 'current-tenants' },
        {
          name: 'lease-expiries',
          address: 'warehouse.brokerage_analytics.lease_expiries',
          contract: 'api:default/tenancy-analytics-contract',
        },
      ],
    });
    const contract = parse(read('tenancy-analytics.odcs.yaml'));
    expect(contract.version).toBe('2.2.0');
    expect(contract.schema.map((o: any) => o.name)).toEqual([
      'leases_by_month',
      'current_tenants',
      'lease-expiries',
    ]);
    // What the change does not touch stays as the team wrote it.
    expect(contract.servers).toBeDefined();
    expect(contract.schema[0].properties.length).toBeGreaterThan(5);

    const verdict = await run(diff, {});
    expect(verdict.breaking).toEqual([]);
    expect(verdict.nonBreaking).toEqual([
      'schema[lease-expiries]: added',
      'outputPorts[lease-expiries]: port added',
    ]);
  });

  it('renames a column; the diff then calls it breaking, which its major version allows', async () => {
    await run(evolve, exampleInput(1));
    const verdict = await run(diff, {});
    expect(verdict.breaking).toEqual([
      'schema[leases_by_month].properties[lease_type]: renamed to lease_kind: consumers that read lease_type break',
    ]);
  });

  it('a breaking change with a minor version is written, and the diff fails it', async () => {
    await run(evolve, { ...exampleInput(1), version: '2.2.0' });
    await expect(run(diff, {})).rejects.toThrow(
      /a breaking change needs a major version \(3\.0\.0 or later\)/,
    );
  });

  it('refuses what cannot be changed, naming the field', async () => {
    await expect(
      run(evolve, { ...exampleInput(1), version: '2.1.0' }),
    ).rejects.toThrow(
      'version: the catalog already has dataproduct:default/tenancy-analytics at 2.1.0; a change needs a new version',
    );
    await expect(
      run(evolve, {
        ...exampleInput(0),
        outputPort: { action: 'change', name: 'nope', address: 'x' },
      }),
    ).rejects.toThrow(
      'outputPort.name: the product has no port nope; it has leases-by-month, current-tenants',
    );
    await expect(
      run(evolve, {
        ...exampleInput(1),
        schemaChanges: [{ port: 'leases', action: 'remove', property: 'x' }],
      }),
    ).rejects.toThrow(
      'schemaChanges[0].port: the contract has no schema object leases',
    );
    await expect(
      run(evolve, {
        entityRef: 'dataproduct:default/nothing',
        version: '1.0.0',
      }),
    ).rejects.toThrow(
      'entityRef: no dataproduct dataproduct:default/nothing in the catalog',
    );
    await expect(
      run(evolve, {
        entityRef: 'dataproduct:default/rental-income-forecast',
        version: '9.0.0',
      }),
    ).rejects.toThrow(/is not an ODCS v3 document/);
    expect(workspace.content()).toEqual({});
  });

  /** The demo catalog with Entity ratings' contract converted from its ODCS file without roles. */
  function catalogWithoutRatingsRoles() {
    const file = resolve(demoCatalogDir, 'brokerage/entity-ratings.odcs.yaml');
    const odcs = parse(readFileSync(file, 'utf8'));
    delete odcs.roles;
    const [contract] = readDescriptor(stringify(odcs), {
      sourceLocation: `file:${file}`,
    }).entities;
    const entities = demoCatalogEntities();
    const index = entities.findIndex(
      e => e.kind === 'API' && e.metadata.name === contract.metadata.name,
    );
    expect(index).toBeGreaterThanOrEqual(0);
    entities[index] = contract;
    return catalogServiceMock({ entities });
  }

  it('asks for an access policy when a restricted product has none, and writes it as a role', async () => {
    const noRoles = createEvolveDescriptorAction({
      catalog: catalogWithoutRatingsRoles(),
    });
    const input = {
      entityRef: 'dataproduct:default/entity-ratings',
      version: '1.3.1',
    };
    await expect(run(noRoles, input)).rejects.toThrow(
      '- accessPolicy: required when the classification is restricted',
    );
    await run(noRoles, {
      ...input,
      accessPolicy: 'Risk analysts; the Brokerage data owner approves.',
    });
    const contract = parse(read('entity-ratings.odcs.yaml'));
    expect(contract.roles).toEqual([
      {
        role: 'entity-ratings-consumer',
        access: 'read',
        firstLevelApprovers: 'group:default/brokerage-data-team',
        description: 'Risk analysts; the Brokerage data owner approves.',
      },
    ]);
  });

  it('keeps the access role a restricted product declares, and needs no new access policy', async () => {
    await run(evolve, {
      entityRef: 'dataproduct:default/entity-ratings',
      version: '1.3.1',
    });
    const demo = parse(
      readFileSync(
        resolve(demoCatalogDir, 'brokerage/entity-ratings.odcs.yaml'),
        'utf8',
      ),
    );
    expect(demo.roles).toHaveLength(1);
    const contract = parse(read('entity-ratings.odcs.yaml'));
    expect(contract.version).toBe('1.3.1');
    expect(contract.roles).toEqual(demo.roles);
  });
});
