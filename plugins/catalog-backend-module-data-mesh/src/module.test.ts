import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import request from 'supertest';
import { catalogModuleDataMesh } from './module';

/**
 * The module in the real catalog backend, reading the real demo mesh in catalog-info/
 * (ODPS, ODCS, DCS and DPDS files), and a product whose producer breaks its contract.
 */

const demoLocation = resolve(__dirname, '../../../catalog-info/all.yaml');

const productLocation = `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: evolving-product
spec:
  targets: [./leases.odcs.yaml]
`;

const contract = (logicalType: string) => `apiVersion: v3.1.0
kind: DataContract
id: leases-contract
version: 1.0.0
status: active
schema:
  - name: leases
    properties:
      - name: rent
        logicalType: ${logicalType}
customProperties:
  - property: owner
    value: group:default/brokerage-data-team
`;

type Relation = { type: string; targetRef: string };
type EntityStatus = { items?: Array<{ error?: { message?: string } }> };

describe('catalogModuleDataMesh', () => {
  it('ingests the demo mesh with its relations, and reports a broken descriptor without losing anything', async () => {
    const productDir = mkdtempSync(join(tmpdir(), 'datamesh-product-'));
    writeFileSync(join(productDir, 'location.yaml'), productLocation);
    const contractFile = join(productDir, 'leases.odcs.yaml');
    writeFileSync(contractFile, contract('number'));

    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleDataMesh,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'API',
                    'Location',
                    'Domain',
                    'Group',
                    'User',
                    'DataProduct',
                  ],
                },
              ],
              locations: [
                { type: 'file', target: demoLocation },
                { type: 'file', target: join(productDir, 'location.yaml') },
              ],
            },
          },
        }),
      ],
    });
    const auth = mockCredentials.user.header('user:default/kwame.mensah');
    const get = async (path: string) => {
      const res = await request(backend.server)
        .get(path)
        .set('Authorization', auth);
      return res.body;
    };

    try {
      let products: Entity[] = [];
      await waitFor(async () => {
        products = await get('/api/catalog/entities?filter=kind=dataproduct');
        return products.length === 5;
      });
      expect(products.map(p => p.metadata.name).sort()).toEqual([
        'credit-risk-dashboard',
        'entity-ratings',
        'property-portfolio',
        'rental-income-forecast',
        'tenancy-analytics',
      ]);

      let contracts: Entity[] = [];
      await waitFor(async () => {
        contracts = await get(
          '/api/catalog/entities?filter=kind=api,spec.type=data-contract',
        );
        return contracts.length === 5;
      });
      expect(contracts.map(c => c.metadata.name).sort()).toEqual([
        'credit-risk-exposure-contract',
        'entity-ratings-contract',
        'leases-contract',
        'rental-income-forecast',
        'tenancy-analytics-contract',
      ]);

      const byName = (name: string) =>
        products.find(p => p.metadata.name === name)!;
      const relationsOf = (entity: Entity) =>
        (entity.relations ?? []).map(
          (r: Relation) => `${r.type} ${r.targetRef}`,
        );

      await waitFor(async () => {
        products = await get('/api/catalog/entities?filter=kind=dataproduct');
        return relationsOf(byName('credit-risk-dashboard')).some(r =>
          r.startsWith('dependsOn'),
        );
      });
      expect(relationsOf(byName('entity-ratings'))).toEqual(
        expect.arrayContaining([
          'ownedBy group:default/brokerage-data-team',
          'partOf domain:default/brokerage',
          'dependsOn dataproduct:default/tenancy-analytics',
          'providesApi api:default/entity-ratings-contract',
          'dependencyOf dataproduct:default/credit-risk-dashboard',
        ]),
      );
      expect(relationsOf(byName('credit-risk-dashboard'))).toEqual(
        expect.arrayContaining([
          'dependsOn dataproduct:default/entity-ratings',
          'dependsOn dataproduct:default/rental-income-forecast',
        ]),
      );
      expect(relationsOf(byName('rental-income-forecast'))).toEqual(
        expect.arrayContaining([
          'dependsOn dataproduct:default/tenancy-analytics',
          'dependsOn dataproduct:default/property-portfolio',
        ]),
      );

      const brokerage = await get(
        '/api/catalog/entities/by-name/domain/default/brokerage',
      );
      expect(brokerage.apiVersion).toBe('datamesh/v1alpha1');
      expect(relationsOf(brokerage)).toEqual(
        expect.arrayContaining([
          'hasPart dataproduct:default/tenancy-analytics',
          'hasPart dataproduct:default/entity-ratings',
          'ownedBy group:default/brokerage-data-team',
        ]),
      );

      const tenancyContract = contracts.find(
        c => c.metadata.name === 'tenancy-analytics-contract',
      )!;
      expect(tenancyContract.spec?.definition).toContain('kind: DataContract');
      expect(relationsOf(tenancyContract)).toContain(
        'apiProvidedBy dataproduct:default/tenancy-analytics',
      );

      // The producer breaks the contract: the error lands on the Location that read it,
      // naming the field, and the last good contract stays in the catalog.
      writeFileSync(contractFile, contract('money'));
      const refresh = await request(backend.server)
        .post('/api/catalog/refresh')
        .set('Authorization', auth)
        .send({ entityRef: 'location:default/evolving-product' });
      expect(refresh.status).toBe(200);
      let errors: string[] = [];
      await waitFor(async () => {
        const location: Entity & { status?: EntityStatus } = await get(
          '/api/catalog/entities/by-name/location/default/evolving-product',
        );
        errors = (location.status?.items ?? []).map(
          item => item.error?.message ?? '',
        );
        return errors.length > 0;
      });
      expect(errors).toEqual([
        expect.stringMatching(
          /^Invalid ODCS v3\.1\.0 descriptor at .*leases\.odcs\.yaml: schema\[0\]\.properties\[0\]\.logicalType: /,
        ),
      ]);
      const kept = await get(
        '/api/catalog/entities/by-name/api/default/leases-contract',
      );
      expect(kept.spec.definition).toContain('logicalType: number');
      expect(
        (await get('/api/catalog/entities?filter=kind=dataproduct')).map(
          (p: Entity) => stringifyEntityRef(p),
        ),
      ).toHaveLength(5);
    } finally {
      await backend.stop();
    }
  }, 120_000);
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms`);
    }
    await new Promise(r => setTimeout(r, 250));
  }
}
