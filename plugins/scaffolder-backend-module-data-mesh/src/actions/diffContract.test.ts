import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import {
  demoCatalogDir,
  demoCatalogEntities,
} from '../__testUtils__/demoCatalog';
import { createDiffContractAction } from './diffContract';
import { examples } from './diffContract.examples';

type Change = { product?: (d: any) => void; contract?: (d: any) => void };

/** A demo product's files, as its team would change them in its repository. */
function demoProduct(name: string, change: Change = {}) {
  const read = (file: string) =>
    parse(readFileSync(resolve(demoCatalogDir, 'brokerage', file), 'utf8'));
  const product = read(`${name}.odps.yaml`);
  const contract = read(`${name}.odcs.yaml`);
  change.product?.(product);
  change.contract?.(contract);
  return {
    [`${name}.odps.yaml`]: stringify(product),
    [`${name}.odcs.yaml`]: stringify(contract),
  };
}

const entityRatings = (change: Change = {}) =>
  demoProduct('entity-ratings', change);

const setVersion = (version: string) => (doc: any) => {
  doc.version = version;
};

describe('datamesh:contract:diff', () => {
  const workspace = createMockDirectory();
  const action = createDiffContractAction({
    catalog: catalogServiceMock({ entities: demoCatalogEntities() }),
  });

  const run = async (
    input: any = examples.length
      ? parse(examples[0].example).steps[0].input ?? {}
      : {},
  ) => {
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });
    await action.handler(ctx as any);
    const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    return outputs;
  };

  it('reports no change for the contract the catalog has', async () => {
    workspace.setContent(entityRatings());
    const outputs = await run();
    expect(outputs).toMatchObject({
      contractRef: 'api:default/entity-ratings-contract',
      previousVersion: '1.3.0',
      version: '1.3.0',
      breaking: [],
      nonBreaking: [],
    });
  });

  it('fails on a removed property without a major version bump, naming the file, field and change', async () => {
    workspace.setContent(
      entityRatings({
        contract: c => {
          c.version = '1.4.0';
          c.schema[0].properties = c.schema[0].properties.filter(
            (p: any) => p.name !== 'lei',
          );
        },
      }),
    );
    await expect(run()).rejects.toThrow(
      [
        'The change breaks the versioning rule:',
        '- entity-ratings.odcs.yaml: version: contract api:default/entity-ratings-contract has breaking changes and goes from 1.3.0 to 1.4.0; a breaking change needs a major version (2.0.0 or later):',
        '    - schema[current_ratings].properties[lei]: removed: consumers that read it break',
      ].join('\n'),
    );
  });

  it('passes breaking changes with a major version bump, and reports them', async () => {
    workspace.setContent(
      entityRatings({
        product: setVersion('2.0.0'),
        contract: c => {
          c.version = '2.0.0';
          c.schema[0].properties[2].name = 'rating_agency';
          c.schema[0].properties[3].logicalType = 'integer';
          c.schema[1].properties.push({
            name: 'outlook',
            logicalType: 'string',
          });
        },
      }),
    );
    const outputs = await run();
    expect(outputs.breaking).toEqual([
      'schema[current_ratings].properties[agency]: renamed to rating_agency: consumers that read agency break',
      'schema[current_ratings].properties[rating]: type narrowed from string to integer: some values consumers read no longer fit',
    ]);
    expect(outputs.nonBreaking).toEqual([
      'schema[rating_history].properties[outlook]: added',
    ]);
    expect(outputs.summary).toContain(
      '**contract api:default/entity-ratings-contract**: 1.3.0 → 2.0.0',
    );
  });

  it('fails on a dropped port unless the product gets a major version', async () => {
    const dropHistory = (p: any) => {
      p.version = '1.4.0';
      p.outputPorts = p.outputPorts.filter(
        (port: any) => port.name !== 'rating-history',
      );
    };
    workspace.setContent(entityRatings({ product: dropHistory }));
    await expect(run()).rejects.toThrow(
      /entity-ratings\.odps\.yaml: version: product dataproduct:default\/entity-ratings has breaking changes and goes from 1\.3\.0 to 1\.4\.0; .*\n {4}- outputPorts\[rating-history\]: port dropped/,
    );
  });

  it('fails on a tightened classification without a major version bump', async () => {
    const restrict = (doc: any) => {
      doc.version = '2.2.0';
      const found = doc.customProperties?.find(
        (x: any) => x.property === 'classification',
      );
      if (found) {
        found.value = 'restricted';
      }
    };
    workspace.setContent(
      demoProduct('tenancy-analytics', {
        product: restrict,
        contract: c => {
          restrict(c);
          c.schema[0].properties[1].classification = 'public';
        },
      }),
    );
    const error = await run().catch(e => e);
    expect(error.message).toContain(
      '    - classification: classification tightened from confidential to restricted',
    );
    // A column's own classification is compared with the product's it had before.
    expect(error.message).not.toContain('properties[lease_id]');
    expect(error.message).not.toContain('properties[month]');
  });

  it('reports a loosened column classification as non-breaking', async () => {
    workspace.setContent(
      demoProduct('tenancy-analytics', {
        contract: c => {
          c.version = '2.2.0';
          c.schema[0].properties[1].classification = 'public';
        },
      }),
    );
    const outputs = await run();
    expect(outputs.nonBreaking).toEqual([
      'schema[leases_by_month].properties[month]: classification loosened from confidential to public',
    ]);
  });

  it('refuses a version lower than the catalog’s', async () => {
    workspace.setContent(entityRatings({ contract: setVersion('1.2.0') }));
    await expect(run()).rejects.toThrow(
      "entity-ratings.odcs.yaml: version: 1.2.0 is lower than the catalog's 1.3.0",
    );
  });

  it('treats a contract the catalog does not have as new', async () => {
    workspace.setContent(
      entityRatings({
        product: p => {
          p.id = 'ratings-next';
          p.name = 'Ratings next';
        },
        contract: c => {
          c.id = 'ratings-next-contract';
        },
      }),
    );
    const outputs = await run(parse(examples[1].example).steps[0].input);
    expect(outputs).toMatchObject({
      contractRef: 'api:default/ratings-next-contract',
      breaking: [],
      summary: expect.stringContaining('is a new contract'),
    });
  });

  it('refuses a contract that breaks its standard, naming the field', async () => {
    workspace.setContent(
      entityRatings({
        contract: c => (c.schema[0].properties[0].logicalType = 'money'),
      }),
    );
    await expect(run()).rejects.toThrow(
      /^contractPath: entity-ratings\.odcs\.yaml is not a valid descriptor: schema\[0\]\.properties\[0\]\.logicalType: /,
    );
  });

  it('asks which contract to compare when the workspace holds several', async () => {
    workspace.setContent({
      ...entityRatings(),
      'copy.odcs.yaml': entityRatings()['entity-ratings.odcs.yaml'],
    });
    await expect(run()).rejects.toThrow(
      'contractPath: the workspace holds 2 data contracts (copy.odcs.yaml, entity-ratings.odcs.yaml); name the one to compare',
    );
  });
});
