import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  createGovernanceContext,
  evaluateGovernance,
  GovernanceResult,
  readDescriptor,
} from '@datamesh/plugin-data-mesh-common';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { createValidateDescriptorsAction } from '../actions/validateDescriptors';
import {
  demoCatalogDir,
  demoCatalogEntities,
} from '../__testUtils__/demoCatalog';
import { demoPolicies, demoPoliciesFile } from '../__testUtils__/governance';

const cliBin = resolve(
  __dirname,
  '../../../../packages/datamesh-cli/bin/datamesh',
);
const PRODUCT = 'entity-ratings.odps.yaml';
const CONTRACT = 'entity-ratings.odcs.yaml';

/** Entity ratings' descriptors as catalog-info has them, changed by `edit` to break or pass rules. */
function workspaceFiles(edit: {
  product?: (odps: any) => void;
  contract?: (odcs: any) => void;
}): Record<string, string> {
  const read = (file: string, change?: (doc: any) => void) => {
    const text = readFileSync(join(demoCatalogDir, 'brokerage', file), 'utf8');
    if (!change) {
      return text;
    }
    const doc = parse(text);
    change(doc);
    return stringify(doc);
  };
  return {
    [PRODUCT]: read(PRODUCT, edit.product),
    [CONTRACT]: read(CONTRACT, edit.contract),
  };
}

/** The files the catalog holds besides the product: what the CLI is given as context. */
const CONTEXT_FILES = [
  'org.yaml',
  'domains.yaml',
  'brokerage/tenancy-analytics.odps.yaml',
  'brokerage/tenancy-analytics.odcs.yaml',
  'capital-markets/rental-income-forecast.odps.yaml',
  'capital-markets/rental-income-forecast.datacontract.yaml',
].map(file => join(demoCatalogDir, file));

const VARIANTS: Array<
  [string, Parameters<typeof workspaceFiles>[0], string[]]
> = [
  ['as the demo has it (restricted, with a role its owner approves)', {}, []],
  [
    'without an access role (restricted)',
    {
      contract: odcs => {
        delete odcs.roles;
      },
    },
    ['mesh/sensitive-data-access'],
  ],
  [
    'with a role its owner approves, named without kind and namespace',
    {
      contract: odcs => {
        odcs.roles = [
          {
            role: 'ratings-reader',
            access: 'read',
            firstLevelApprovers: 'brokerage-data-team',
          },
        ];
      },
    },
    [],
  ],
  [
    'deprecated, owned by a person, reading a product that does not exist',
    {
      product: odps => {
        odps.status = 'deprecated';
        odps.customProperties[0].value = 'user:default/marie.dubois';
        odps.inputPorts[0].customProperties[0].value = 'lease-ledger';
        delete odps.support;
      },
    },
    [
      'mesh/sensitive-data-access',
      'mesh/deprecated-successor',
      'mesh/owner-group',
      'mesh/upstream-not-retired',
      'mesh/support-channel',
    ],
  ],
];

describe('one engine: the scaffolder action, the CLI and evaluateGovernance agree', () => {
  const workspace = createMockDirectory();
  const policies = demoPolicies();

  async function fromAction(): Promise<GovernanceResult> {
    const action = createValidateDescriptorsAction({
      catalog: catalogServiceMock({ entities: demoCatalogEntities() }),
      governance: policies,
    });
    const ctx = createMockActionContext({ workspacePath: workspace.path });
    await action.handler(ctx as any).catch(() => undefined);
    const [{ file, ...result }] = (ctx.output as jest.Mock).mock.calls.find(
      ([name]: any[]) => name === 'governance',
    )![1];
    expect(file).toBe(PRODUCT);
    return result;
  }

  function fromCli(): GovernanceResult {
    const run = spawnSync(
      process.execPath,
      [
        cliBin,
        'validate',
        '--json',
        '--policies',
        demoPoliciesFile,
        workspace.path,
        ...CONTEXT_FILES,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    const verdicts = JSON.parse(run.stdout);
    const product = verdicts.find((v: any) => v.file.endsWith(PRODUCT));
    expect(product.governance).toHaveLength(1);
    return product.governance[0];
  }

  function fromEngine(files: Record<string, string>): GovernanceResult {
    const own = Object.values(files).flatMap(
      text => readDescriptor(text).entities,
    );
    const context = createGovernanceContext([...demoCatalogEntities(), ...own]);
    return evaluateGovernance({ entity: own[0], policies, context });
  }

  it.each(VARIANTS)('Entity ratings %s', async (_name, edit, failed) => {
    const files = workspaceFiles(edit);
    workspace.setContent(files);
    const engine = fromEngine(files);
    expect(engine.status).toBe(failed.length > 0 ? 'failing' : 'passing');
    expect(engine.results.filter(r => !r.passed).map(r => r.ruleId)).toEqual(
      failed,
    );
    expect(new Set(engine.results.map(r => r.ruleId))).toEqual(
      new Set(policies.map(p => p.id)),
    );
    expect(await fromAction()).toEqual(engine);
    expect(fromCli()).toEqual(engine);
  });
});
