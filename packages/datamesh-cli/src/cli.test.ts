import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { engineVerdicts } from './__testUtils__/engine';

/** Runs the real `datamesh` executable, as a producer's CI would. */
function datamesh(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [resolve(__dirname, '../bin/datamesh'), ...args],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const byRef = (a: { entityRef: string }, b: { entityRef: string }) =>
  a.entityRef.localeCompare(b.entityRef);

const demoMesh = resolve(__dirname, '../../../catalog-info');
const demoPolicies = resolve(
  __dirname,
  '../../../plugins/data-mesh-common/src/governance/__fixtures__/demo-policies.yaml',
);

describe('datamesh', () => {
  it('validates the demo mesh: one ok line per descriptor, exit 0', () => {
    const { code, stdout } = datamesh('validate', demoMesh);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(9);
    for (const line of lines) {
      expect(line).toMatch(/^ok {7}\S+ \((ODPS|ODCS|DCS|DPDS) [^)]+\)/);
    }
    expect(stdout).not.toContain('org.yaml');
    expect(code).toBe(0);
  });

  it('reports an invalid descriptor with its field paths and exits 1; --json too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datamesh-cli-'));
    const bad = join(dir, 'bad.datacontract.yaml');
    writeFileSync(
      bad,
      'dataContractSpecification: 1.2.0\nid: bad\ninfo:\n  title: Bad\n',
    );
    const text = datamesh('validate', dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /^invalid {2}\S+bad\.datacontract\.yaml \(DCS 1\.2\.0\): info\.version/,
    );

    const json = datamesh('validate', '--json', bad);
    expect(json.code).toBe(1);
    const [verdict] = JSON.parse(json.stdout);
    expect(verdict).toMatchObject({ standard: 'dcs', valid: false });
    expect(verdict.errors[0].path).toBe('info.version');
  });

  it('refuses a file that is no descriptor when named explicitly', () => {
    const { code, stdout } = datamesh('validate', join(demoMesh, 'all.yaml'));
    expect(code).toBe(1);
    expect(stdout).toContain('not a descriptor of a supported standard');
  });

  it('converts a descriptor into the entities the catalog makes of it', () => {
    const { code, stdout } = datamesh(
      'convert',
      join(demoMesh, 'brokerage/entity-ratings.odps.yaml'),
    );
    expect(code).toBe(0);
    const entities = parseAllDocuments(stdout).map(doc => doc.toJS());
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({
      apiVersion: 'datamesh/v1alpha1',
      kind: 'DataProduct',
      metadata: { name: 'entity-ratings' },
      spec: {
        owner: 'group:default/brokerage-data-team',
        domain: 'domain:default/brokerage',
      },
    });
  });

  it('prints usage and exits 2 on a wrong command', () => {
    const { code, stderr } = datamesh('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toContain('usage:');
  });

  describe('validate --policies', () => {
    it('runs the governance policies on every product, with the catalog files as context; exit 1 on errors', () => {
      const { code, stdout } = datamesh(
        'validate',
        '--policies',
        demoPolicies,
        demoMesh,
      );
      expect(code).toBe(1);
      const lines = stdout.trim().split('\n');
      expect(
        lines
          .filter(l => !l.startsWith(' '))
          .map(l => l.split(/\s+/).slice(0, 2).join(' ')),
      ).toEqual([
        expect.stringMatching(/^failing \S+property-portfolio\.dpd\.json$/),
        expect.stringMatching(/^ok \S+entity-ratings\.odcs\.yaml$/),
        expect.stringMatching(/^ok \S+entity-ratings\.odps\.yaml$/),
        expect.stringMatching(/^ok \S+tenancy-analytics\.odcs\.yaml$/),
        expect.stringMatching(/^ok \S+tenancy-analytics\.odps\.yaml$/),
        expect.stringMatching(/^ok \S+credit-risk-dashboard\.odps\.yaml$/),
        expect.stringMatching(/^ok \S+credit-risk-exposure\.odcs\.yaml$/),
        expect.stringMatching(
          /^ok \S+rental-income-forecast\.datacontract\.yaml$/,
        ),
        expect.stringMatching(/^ok \S+rental-income-forecast\.odps\.yaml$/),
      ]);
      expect(stdout).toContain(
        'tenancy-analytics.odps.yaml (ODPS v1.0.0), policies passed',
      );
      expect(stdout).toContain(
        'entity-ratings.odps.yaml (ODPS v1.0.0), policies passed',
      );
      expect(stdout).toContain(
        'property-portfolio.dpd.json (DPDS 1.0.0), policies: 4 error(s), 0 warning(s)',
      );
      expect(stdout).toContain(
        '  error    mesh/required-metadata  dataproduct:default/property-portfolio spec.classification: Set spec.classification to its classification',
      );
      expect(stdout).toContain(
        'credit-risk-dashboard.odps.yaml (ODPS v1.0.0), policies: 0 error(s), 1 warning(s)',
      );
      expect(stdout).toContain(
        '  warning  mesh/contract-quality  dataproduct:default/credit-risk-dashboard spec.outputPorts[0].contract: Declare quality rules in contract api:default/credit-risk-exposure-contract',
      );
    });

    it('--json gives the same governance results as the engine on the same files', () => {
      const { code, stdout } = datamesh(
        'validate',
        '--json',
        '--policies',
        demoPolicies,
        demoMesh,
      );
      expect(code).toBe(1);
      const fromCli = (JSON.parse(stdout) as any[]).flatMap(
        v => v.governance ?? [],
      );
      const fromEngine = engineVerdicts(demoMesh, demoPolicies);
      expect(fromCli).toHaveLength(5);
      expect(fromCli.sort(byRef)).toEqual(fromEngine.sort(byRef));
    });

    it("applies a domain's own rules and refuses one that drops a mesh-wide rule", () => {
      const dir = mkdtempSync(join(tmpdir(), 'datamesh-cli-'));
      const domains = parseAllDocuments(
        readFileSync(join(demoMesh, 'domains.yaml'), 'utf8'),
      ).map(d => d.toJS());
      domains[1].spec.policies = [
        {
          id: 'mesh/sensitive-data-access',
          type: 'sensitive-data-access',
          severity: 'error',
          enabled: false,
        },
        {
          id: 'brokerage/support',
          type: 'required-fields',
          severity: 'warning',
          params: { fields: ['spec.usage.restrictions'] },
        },
      ];
      writeFileSync(
        join(dir, 'domains.yaml'),
        domains.map(d => stringify(d)).join('---\n'),
      );
      // Entity ratings is restricted; its contract without the access policy (roles) it
      // declares, so that the mesh-wide rule the domain tries to drop has something to fail.
      const ratingsContract = parse(
        readFileSync(
          join(demoMesh, 'brokerage/entity-ratings.odcs.yaml'),
          'utf8',
        ),
      );
      delete ratingsContract.roles;
      const brokerage = join(dir, 'brokerage');
      mkdirSync(brokerage);
      for (const file of readdirSync(join(demoMesh, 'brokerage'))) {
        copyFileSync(join(demoMesh, 'brokerage', file), join(brokerage, file));
      }
      writeFileSync(
        join(brokerage, 'entity-ratings.odcs.yaml'),
        stringify(ratingsContract),
      );
      const config = join(dir, 'app-config.yaml');
      writeFileSync(
        config,
        stringify({
          app: { title: 'x' },
          datamesh: {
            governance: {
              policies: [
                {
                  id: 'mesh/sensitive-data-access',
                  type: 'sensitive-data-access',
                  severity: 'error',
                  params: { classifications: ['restricted'] },
                },
              ],
            },
          },
        }),
      );
      const { code, stdout } = datamesh(
        'validate',
        '--policies',
        config,
        join(dir, 'domains.yaml'),
        join(demoMesh, 'org.yaml'),
        brokerage,
      );
      expect(code).toBe(1);
      expect(stdout).toContain(
        '  error    domain-policies  dataproduct:default/entity-ratings: Fix the policies of domain:default/brokerage: spec.policies[0].enabled: cannot disable mesh-wide rule "mesh/sensitive-data-access"',
      );
      expect(stdout).toContain(
        "  error    mesh/sensitive-data-access  dataproduct:default/entity-ratings spec.outputPorts: Declare an access policy that the owner approves: add a role to the product's ODCS contract (roles[]) with firstLevelApprovers: group:default/brokerage-data-team",
      );
      // The refusal fails every product of the domain; the domain's own rule applies to them.
      expect(stdout).toMatch(
        /failing {2}\S+tenancy-analytics\.odps\.yaml \(ODPS v1\.0\.0\), policies: 1 error\(s\), 1 warning\(s\)/,
      );
      expect(stdout).toContain(
        '  warning  brokerage/support  dataproduct:default/tenancy-analytics spec.usage.restrictions: Set spec.usage.restrictions to a value',
      );
    });

    it('exits 0 when the policies only warn', () => {
      const dir = mkdtempSync(join(tmpdir(), 'datamesh-cli-'));
      const policies = join(dir, 'policies.yaml');
      writeFileSync(
        policies,
        stringify([
          {
            id: 'quality',
            type: 'contract-quality-declared',
            severity: 'warning',
          },
        ]),
      );
      const { code, stdout } = datamesh(
        'validate',
        '--policies',
        policies,
        join(demoMesh, 'capital-markets'),
        join(demoMesh, 'brokerage'),
      );
      expect(stdout).toContain(
        'credit-risk-dashboard.odps.yaml (ODPS v1.0.0), policies: 0 error(s), 1 warning(s)',
      );
      expect(code).toBe(0);
    });

    it('refuses a policies file that does not parse, naming the path, with exit 2', () => {
      const dir = mkdtempSync(join(tmpdir(), 'datamesh-cli-'));
      const policies = join(dir, 'app-config.yaml');
      writeFileSync(
        policies,
        stringify({
          datamesh: {
            governance: {
              policies: [
                { id: 'a', type: 'owner-group-exists', severity: 'error' },
                { id: 'b', type: 'owner-group-exists', severity: 'error' },
                {
                  id: 'c',
                  type: 'naming-pattern',
                  severity: 'error',
                  params: { pattern: '(' },
                },
              ],
            },
          },
        }),
      );
      const { code, stderr } = datamesh(
        'validate',
        '--policies',
        policies,
        demoMesh,
      );
      expect(code).toBe(2);
      expect(stderr).toMatch(
        /Invalid governance policies: datamesh\.governance\.policies\[2\]\.params\.pattern: expected a regular expression/,
      );
    });
  });
});
