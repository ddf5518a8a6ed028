import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

/**
 * Writes N generated data products (an ODPS descriptor and an ODCS contract each, with
 * lineage: product i reads product floor(i/2)), or N plain Components of the same size, and
 * a Location file that lists them. Returns the Location file and the entities to expect.
 */
export function generateMesh(
  dir: string,
  count: number,
  shape: 'products' | 'components',
): { locationFile: string; expectedEntities: number } {
  mkdirSync(dir, { recursive: true });
  const targets: string[] = [];
  for (let i = 0; i < count; i++) {
    if (shape === 'products') {
      writeFileSync(join(dir, `p${i}.odps.yaml`), productDescriptor(i));
      writeFileSync(join(dir, `p${i}.odcs.yaml`), contract(i));
      targets.push(`./p${i}.odps.yaml`, `./p${i}.odcs.yaml`);
    } else {
      writeFileSync(join(dir, `c${i}.yaml`), component(i));
      targets.push(`./c${i}.yaml`);
    }
  }
  const locationFile = join(dir, 'all.yaml');
  writeFileSync(
    locationFile,
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Location',
      'metadata:',
      '  name: generated-mesh',
      'spec:',
      '  targets:',
      ...targets.map(t => `    - ${t}`),
      '',
    ].join('\n'),
  );
  // the generated entities, the Location entity in the file, and the config location's own
  return { locationFile, expectedEntities: targets.length + 2 };
}

const domains = ['asset', 'brokerage', 'capital-markets'];
const purpose =
  'Generated data product for the ingestion benchmark: leases, tenants and ratings of a commercial real-estate portfolio, refreshed daily for reporting and risk.';

function productDescriptor(i: number): string {
  const upstream = i > 0 ? Math.floor(i / 2) : undefined;
  return `apiVersion: v1.0.0
kind: DataProduct
id: product-${i}
name: Product ${i}
version: 1.0.0
status: active
domain: ${domains[i % domains.length]}
description:
  purpose: ${JSON.stringify(purpose)}
tags: [generated, bench-${i % 4}]
${
  upstream === undefined
    ? ''
    : `inputPorts:
  - name: upstream
    version: 1.0.0
    contractId: contract-${upstream}
    customProperties:
      - property: dataProduct
        value: product-${upstream}
`
}outputPorts:
  - name: main
    type: table
    version: 1.0.0
    contractId: contract-${i}
customProperties:
  - property: owner
    value: group:default/team-${i % 20}
  - property: classification
    value: internal
`;
}

function contract(i: number): string {
  return `apiVersion: v3.1.0
kind: DataContract
id: contract-${i}
name: Contract ${i}
version: 1.0.0
status: active
schema:
  - name: table_${i}
    physicalType: table
    properties:
      - name: id
        logicalType: string
        primaryKey: true
      - name: amount
        logicalType: number
      - name: day
        logicalType: date
customProperties:
  - property: owner
    value: group:default/team-${i % 20}
`;
}

function component(i: number): string {
  const dependsOn =
    i > 0
      ? `\n  dependsOn: [component:default/component-${Math.floor(i / 2)}]`
      : '';
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: component-${i}
  description: ${JSON.stringify(purpose)}
  tags: [generated, bench-${i % 4}]
spec:
  type: service
  lifecycle: production
  owner: group:default/team-${i % 20}${dependsOn}
`;
}
