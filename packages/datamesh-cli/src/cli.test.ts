import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** Runs the real `datamesh` executable, as a producer's CI would. */
function datamesh(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [resolve(__dirname, '../bin/datamesh'), ...args],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const demoMesh = resolve(__dirname, '../../../catalog-info');

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
});
