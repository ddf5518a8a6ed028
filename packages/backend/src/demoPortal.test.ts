import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleDataMesh from '@datamesh/plugin-catalog-backend-module-data-mesh';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import request from 'supertest';
import { parse } from 'yaml';

/**
 * The demo catalog, as app-config.yaml configures it, loaded by the real catalog backend with
 * the suite's catalog module, on each database engine.
 */

const backendDir = resolve(__dirname, '..');
const appConfig = parse(
  readFileSync(resolve(backendDir, '../../app-config.yaml'), 'utf8'),
);

/** app-config.yaml's catalog section, its file targets made absolute as the backend sees them. */
function demoCatalogConfig() {
  const catalog = structuredClone(appConfig.catalog);
  for (const location of catalog.locations) {
    location.target = resolve(backendDir, location.target);
  }
  return catalog;
}

describe('the demo catalog', () => {
  // SQLite, and whichever PostgreSQL scripts/postgres-env.sh found; ids without a
  // connection string are skipped (BACKSTAGE_TEST_DISABLE_DOCKER), never started in Docker.
  const databases = TestDatabases.create({
    ids: [
      'POSTGRES_18',
      'POSTGRES_17',
      'POSTGRES_16',
      'POSTGRES_15',
      'POSTGRES_14',
      'POSTGRES_13',
      'SQLITE_3',
    ],
  });

  it.each(databases.eachSupportedId())(
    'holds the Premium Offices organisation, its three domains and five data products, on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleDataMesh,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: { catalog: demoCatalogConfig() },
          }),
        ],
      });
      const auth = mockCredentials.user.header('user:default/kwame.mensah');
      const entitiesOfKind = async (kind: string): Promise<Entity[]> => {
        const res = await request(backend.server)
          .get(`/api/catalog/entities?filter=kind=${kind}`)
          .set('Authorization', auth);
        expect(res.status).toBe(200);
        return res.body;
      };

      try {
        let domains: Entity[] = [];
        await waitFor(async () => {
          domains = await entitiesOfKind('domain');
          return domains.length === 3;
        });
        expect(domains.map(d => d.metadata.name).sort()).toEqual([
          'asset',
          'brokerage',
          'capital-markets',
        ]);
        for (const domain of domains) {
          expect(domain.apiVersion).toBe('datamesh/v1alpha1');
          expect(domain.metadata.description).toBeTruthy();
          expect(domain.relations).toContainEqual({
            type: 'ownedBy',
            targetRef: `group:default/${domain.metadata.name}-data-team`,
          });
        }

        await waitFor(async () => (await entitiesOfKind('user')).length === 6);
        await waitFor(
          async () => (await entitiesOfKind('dataproduct')).length === 5,
        );
        const groups = await entitiesOfKind('group');
        expect(groups.map(g => g.metadata.name).sort()).toEqual([
          'asset-data-team',
          'brokerage-data-team',
          'capital-markets-data-team',
          'data-office',
          'platform-team',
          'premium-offices',
        ]);
        const platformTeam = groups.find(
          g => g.metadata.name === 'platform-team',
        );
        expect(platformTeam?.relations).toContainEqual({
          type: 'hasMember',
          targetRef: 'user:default/liam.oconnor',
        });
      } finally {
        await backend.stop();
      }
    },
    120_000,
  );
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
