import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  startDataAccessBackend,
  type PermissionsSetup,
} from './__testUtils__/startDataAccessBackend';

/**
 * The rules that hold whatever a portal does with the permission framework: without it the
 * plugin keeps to its built-in rules; under a policy that allows everything, a requester
 * still never decides their own request.
 */

const marie = 'user:default/marie.dubois';
const kwame = 'user:default/kwame.mensah';
const elena = 'user:default/elena.petrova';
const sofia = 'user:default/sofia.rossi';

const body = {
  dataProduct: 'dataproduct:default/tenancy-analytics',
  outputPort: 'leases-by-month',
  purpose: { category: 'analytics', text: 'Rents per month for the committee' },
};

describe('the data-access API under other permission setups', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function start(permissions: PermissionsSetup) {
    const backend = await startDataAccessBackend({
      knex: await databases.init('SQLITE_3'),
      catalogKnex: await databases.init('SQLITE_3'),
      permissions,
    });
    const as = (user: string) => ({
      post: (path: string, payload: object = {}) =>
        request(backend.server)
          .post(`/api/data-access${path}`)
          .set('Authorization', mockCredentials.user.header(user))
          .send(payload),
      get: (path: string) =>
        request(backend.server)
          .get(`/api/data-access${path}`)
          .set('Authorization', mockCredentials.user.header(user)),
    });
    return { backend, as };
  }

  it('keeps to the built-in rules when the permission framework is off', async () => {
    const { backend, as } = await start('framework-disabled');
    try {
      const asked = await as(sofia).post('/requests', body);
      expect(asked.status).toBe(201);
      const decision = { decision: 'approve', version: 1 };

      expect(
        (await as(kwame).post(`/requests/${asked.body.id}/decision`, decision))
          .status,
      ).toBe(403);
      expect((await as(kwame).get(`/requests/${asked.body.id}`)).status).toBe(
        403,
      );
      expect((await as(kwame).get('/requests')).body.items).toEqual([]);
      expect((await as(elena).get('/requests')).body.items).toHaveLength(1);
      expect(
        (await as(marie).post(`/requests/${asked.body.id}/decision`, decision))
          .status,
      ).toBe(200);
    } finally {
      await backend.stop();
    }
  }, 60_000);

  it('refuses a requester deciding their own request even when the policy allows all', async () => {
    const { backend, as } = await start('allow-all');
    try {
      const asked = await as(sofia).post('/requests', body);
      const own = await as(sofia).post(`/requests/${asked.body.id}/decision`, {
        decision: 'approve',
        version: 1,
      });
      expect(own.status).toBe(403);
      expect(own.body.error.message).toBe(
        'You may not decide on your own access request',
      );
      // Anyone else may: the portal's policy said so.
      expect(
        (
          await as(kwame).post(`/requests/${asked.body.id}/decision`, {
            decision: 'approve',
            version: 1,
          })
        ).status,
      ).toBe(200);
    } finally {
      await backend.stop();
    }
  }, 60_000);
});
