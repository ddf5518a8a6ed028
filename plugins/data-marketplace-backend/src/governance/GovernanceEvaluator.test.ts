import type { Knex } from 'knex';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createStore,
  createTestDatabases,
  replicaConnection,
} from '../database/__testUtils__/storeTestKit';
import type { DatabaseGovernanceStore } from '../database';
import {
  changingCatalog,
  contract,
  createEvaluator,
  domain,
  product,
  smallMesh,
} from './__testUtils__/smallMesh';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const TENANCY = 'dataproduct:default/tenancy-analytics';
const RATINGS = 'dataproduct:default/entity-ratings';
const FORECAST = 'dataproduct:default/rental-income-forecast';

describe.each(databases.eachSupportedId())(
  'GovernanceEvaluator on %s',
  databaseId => {
    let knex: Knex;
    let store: DatabaseGovernanceStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await createStore(knex);
    });

    it('evaluates every product, then rewrites only what changed', async () => {
      const mesh = changingCatalog(smallMesh());
      const { evaluator } = createEvaluator({ catalog: mesh.catalog, store });

      const first = await evaluator.run();
      expect(first).toMatchObject({ products: 3, written: 3, removed: 0 });
      expect(first.statusChanged.sort()).toEqual([RATINGS, FORECAST, TENANCY]);
      expect(await store.statuses([TENANCY, RATINGS, FORECAST])).toEqual({
        [TENANCY]: 'passing',
        [RATINGS]: 'failing',
        [FORECAST]: 'warning',
      });
      expect(await store.product(RATINGS)).toMatchObject({
        domain: 'domain:default/brokerage',
        owner: 'group:default/ghost-team',
        failedErrors: 1,
        results: expect.arrayContaining([
          expect.objectContaining({
            ruleId: 'mesh/owner-group',
            passed: false,
            path: 'spec.owner',
          }),
        ]),
      });
      // New products are refreshed so the catalog picks up their status.
      expect(mesh.refreshEntity.mock.calls.map(c => c[0]).sort()).toEqual([
        RATINGS,
        FORECAST,
        TENANCY,
      ]);

      mesh.refreshEntity.mockClear();
      const idle = await evaluator.run();
      expect(idle).toMatchObject({
        evaluated: 0,
        written: 0,
        removed: 0,
        statusChanged: [],
      });
      expect(mesh.refreshEntity).not.toHaveBeenCalled();

      // Entity ratings gets a real owner; nothing else changes.
      mesh.setEntities(
        smallMesh().map(e =>
          e.metadata.name === 'entity-ratings' && e.kind === 'DataProduct'
            ? product('entity-ratings')
            : e,
        ),
      );
      const fixed = await evaluator.run();
      expect(fixed).toMatchObject({
        evaluated: 1,
        written: 1,
        removed: 0,
        statusChanged: [RATINGS],
      });
      expect(mesh.refreshEntity.mock.calls).toEqual([
        [RATINGS, { credentials: expect.anything() }],
      ]);
      expect((await store.product(RATINGS))?.status).toBe('passing');
    });

    it('evaluates again exactly the products whose looked-up entities changed or appeared', async () => {
      const mesh = changingCatalog(smallMesh());
      const { evaluator } = createEvaluator({ catalog: mesh.catalog, store });
      expect(await evaluator.run()).toMatchObject({ evaluated: 3 });

      // The group entity ratings names comes into being: only that product looked it up.
      const ghostTeam: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'ghost-team', namespace: 'default' },
        spec: { type: 'team', children: [] },
      };
      mesh.setEntities([...smallMesh(), ghostTeam]);
      expect(await evaluator.run()).toMatchObject({
        evaluated: 1,
        statusChanged: [RATINGS],
      });
      expect((await store.product(RATINGS))?.status).toBe('passing');

      // Capital markets adds a rule of its own: its one product is evaluated again.
      const strict = domain('capital-markets', [
        {
          id: 'capital/classification',
          type: 'required-fields',
          severity: 'error',
          params: { fields: ['spec.classification'] },
        },
      ]);
      mesh.setEntities([
        ...smallMesh().map(e =>
          e.kind === 'Domain' && e.metadata.name === 'capital-markets'
            ? strict
            : e,
        ),
        ghostTeam,
      ]);
      expect(await evaluator.run()).toMatchObject({
        evaluated: 1,
        statusChanged: [FORECAST],
      });
      expect((await store.product(FORECAST))?.status).toBe('failing');

      // Tenancy analytics' contract is edited: tenancy analytics alone, still passing.
      mesh.setEntities(
        [
          ...smallMesh().map(e =>
            e.kind === 'Domain' && e.metadata.name === 'capital-markets'
              ? strict
              : e,
          ),
          ghostTeam,
        ].map(e =>
          e.kind === 'API' && e.metadata.name === 'tenancy-analytics'
            ? { ...e, metadata: { ...e.metadata, description: 'Leases' } }
            : e,
        ),
      );
      expect(await evaluator.run()).toMatchObject({
        evaluated: 1,
        written: 0,
        statusChanged: [],
      });
    });

    it('evaluates only the new product when one joins a domain and a group', async () => {
      const mesh = changingCatalog(smallMesh());
      const { evaluator } = createEvaluator({ catalog: mesh.catalog, store });
      expect(await evaluator.run()).toMatchObject({ evaluated: 3 });

      // As the catalog stitches it: the domain and the owner group gain a relation to the
      // newcomer, which gives both a new etag; what rules read of them is unchanged.
      const newcomer = 'dataproduct:default/lease-events';
      mesh.setEntities([
        ...smallMesh().map(e =>
          (e.kind === 'Domain' && e.metadata.name === 'brokerage') ||
          (e.kind === 'Group' && e.metadata.name === 'brokerage-data-team')
            ? {
                ...e,
                relations: [
                  {
                    type: e.kind === 'Domain' ? 'hasPart' : 'ownerOf',
                    targetRef: newcomer,
                  },
                ],
              }
            : e,
        ),
        product('lease-events'),
        contract('lease-events'),
      ]);
      expect(await evaluator.run()).toMatchObject({
        products: 4,
        evaluated: 1,
        statusChanged: [newcomer],
      });
      expect((await store.product(newcomer))?.status).toBe('passing');

      // The domain's owner changes: what a rule may read, so its products are evaluated.
      mesh.setEntities([
        ...smallMesh().map(e =>
          e.kind === 'Domain' && e.metadata.name === 'brokerage'
            ? { ...e, spec: { ...e.spec, owner: 'group:default/platform' } }
            : e,
        ),
        product('lease-events'),
        contract('lease-events'),
      ]);
      expect(await evaluator.run()).toMatchObject({ evaluated: 3 });
    });

    it('removes the result of a product that left the catalog', async () => {
      const mesh = changingCatalog(smallMesh());
      const now = () => new Date('2026-11-21T12:00:00Z');
      const { evaluator } = createEvaluator({
        catalog: mesh.catalog,
        store,
        now,
      });
      await evaluator.run();

      mesh.setEntities(
        smallMesh().filter(
          e => e.metadata.name !== 'entity-ratings' || e.kind !== 'DataProduct',
        ),
      );
      expect(await evaluator.run()).toMatchObject({ products: 2, removed: 1 });
      expect(await store.product(RATINGS)).toBeUndefined();
      const summary = await store.summary({
        worstOffenders: 10,
        trend: { today: '2026-11-21', days: 1 },
      });
      expect(summary.totals.products).toBe(2);
      expect(summary.trend[0]).toMatchObject({ products: 2, failing: 0 });
    });

    it("adds a domain's own rules to its products", async () => {
      const strict = domain('capital-markets', [
        {
          id: 'capital/classification',
          type: 'required-fields',
          severity: 'error',
          params: { fields: ['spec.classification'] },
        },
      ]);
      const mesh = changingCatalog(
        smallMesh().map(e =>
          e.kind === 'Domain' && e.metadata.name === 'capital-markets'
            ? strict
            : e,
        ),
      );
      const { evaluator } = createEvaluator({ catalog: mesh.catalog, store });
      await evaluator.run();

      expect((await store.product(FORECAST))?.status).toBe('failing');
      expect((await store.product(TENANCY))?.status).toBe('passing');
      const capital = await store.domain('domain:default/capital-markets', {
        today: '2026-11-21',
        days: 1,
      });
      expect(capital.rules.map(r => [r.ruleId, r.failed])).toContainEqual([
        'capital/classification',
        1,
      ]);
    });

    it('keeps the stored results when the catalog cannot be read', async () => {
      const mesh = changingCatalog(smallMesh());
      const { evaluator } = createEvaluator({ catalog: mesh.catalog, store });
      await evaluator.run();

      const broken = {
        queryEntities: () => {
          throw new Error('catalog unavailable');
        },
      } as unknown as CatalogService;
      const { evaluator: failing } = createEvaluator({
        catalog: broken,
        store,
      });
      await expect(failing.run()).rejects.toThrow('catalog unavailable');
      expect(
        Object.keys(await store.statuses([TENANCY, RATINGS, FORECAST])),
      ).toHaveLength(3);
    });

    it('goes on when the catalog refuses a refresh', async () => {
      const mesh = changingCatalog(smallMesh());
      mesh.refreshEntity.mockRejectedValue(new Error('busy'));
      const { evaluator, logger } = createEvaluator({
        catalog: mesh.catalog,
        store,
      });
      await expect(evaluator.run()).resolves.toMatchObject({ written: 3 });
      expect(logger.warn).toHaveBeenCalledWith(
        'Could not ask the catalog to refresh a data product',
        expect.objectContaining({ error: 'Error: busy' }),
      );
    });

    it('evaluates with the changed policies on the next run', async () => {
      const mesh = changingCatalog(smallMesh());
      const { evaluator } = createEvaluator({ catalog: mesh.catalog, store });
      await evaluator.run();
      expect((await store.product(FORECAST))?.status).toBe('warning');

      // The support channel rule becomes an error.
      const { evaluator: stricter } = createEvaluator({
        catalog: mesh.catalog,
        store,
        policies: [
          {
            id: 'mesh/support-channel',
            type: 'required-fields',
            severity: 'error',
            params: { fields: ['spec.support'] },
          },
        ],
      });
      expect(await stricter.run()).toMatchObject({
        evaluated: 3,
        written: 3,
        statusChanged: [RATINGS, FORECAST],
      });
      expect(await store.statuses([TENANCY, RATINGS, FORECAST])).toEqual({
        [TENANCY]: 'passing',
        [RATINGS]: 'passing',
        [FORECAST]: 'failing',
      });
    });

    it('run on two replicas at once leaves one snapshot per day and domain', async () => {
      const other = replicaConnection(knex);
      try {
        const replicaStore = await createStore(other.knex);
        let now = new Date('2026-11-20T23:59:00Z');
        const clock = () => now;
        const mesh = changingCatalog(smallMesh());
        const replicas = [
          createEvaluator({ catalog: mesh.catalog, store, now: clock }),
          createEvaluator({
            catalog: mesh.catalog,
            store: replicaStore,
            now: clock,
          }),
        ].map(r => r.evaluator);

        for (const day of ['2026-11-20', '2026-11-21']) {
          now = new Date(`${day}T10:00:00Z`);
          for (let round = 0; round < 3; round++) {
            await Promise.all(replicas.map(r => r.run()));
          }
        }
        // A change on the second day: both replicas see it, the day's row follows.
        mesh.setEntities(
          smallMesh().map(e =>
            e.metadata.name === 'entity-ratings' && e.kind === 'DataProduct'
              ? product('entity-ratings')
              : e,
          ),
        );
        await Promise.all(replicas.map(r => r.run()));

        const rows = await knex('governance_domain_snapshots')
          .orderBy(['day', 'domain'])
          .select('day', 'domain', 'failing');
        expect(rows).toEqual([
          { day: '2026-11-20', domain: 'domain:default/brokerage', failing: 1 },
          {
            day: '2026-11-20',
            domain: 'domain:default/capital-markets',
            failing: 0,
          },
          { day: '2026-11-21', domain: 'domain:default/brokerage', failing: 0 },
          {
            day: '2026-11-21',
            domain: 'domain:default/capital-markets',
            failing: 0,
          },
        ]);
        const [{ n }] = await knex('governance_results').count({ n: '*' });
        expect(Number(n)).toBe(3);
      } finally {
        await other.close();
      }
    });
  },
);
