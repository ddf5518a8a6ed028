import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import permissionPlugin from '@backstage/plugin-permission-backend';
import request from 'supertest';
import permissionPolicyModule from './module';

/** Group memberships as catalog-info/org.yaml declares them; sign-in puts these in tokens. */
const memberships: Record<string, string[]> = {
  'user:default/liam.oconnor': ['group:default/platform-team'],
  'user:default/kwame.mensah': ['group:default/capital-markets-data-team'],
};

describe('the datamesh permission policy in the permission backend', () => {
  async function startPermissionBackend() {
    return startTestBackend({
      features: [
        permissionPlugin,
        permissionPolicyModule,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            datamesh: {
              permissions: { catalogAdmins: ['group:default/platform-team'] },
            },
          },
        }),
        mockServices.userInfo.mock({
          async getUserInfo(credentials) {
            const { userEntityRef } = credentials.principal as {
              userEntityRef: string;
            };
            return {
              userEntityRef,
              ownershipEntityRefs: [
                userEntityRef,
                ...(memberships[userEntityRef] ?? []),
              ],
            };
          },
        }).factory,
      ],
    });
  }

  /** Asks the permission backend, as the given user, to decide on each permission. */
  async function decide(
    server: Parameters<typeof request>[0],
    userRef: string,
    items: Array<{ permission: object; resourceRef?: string }>,
  ) {
    const res = await request(server)
      .post('/api/permission/authorize')
      .set('Authorization', mockCredentials.user.header(userRef))
      .send({ items: items.map((item, i) => ({ id: String(i), ...item })) });
    expect(res.status).toBe(200);
    return res.body.items.map(
      (item: { result: AuthorizeResult }) => item.result,
    );
  }

  it('lets only catalog admins unregister entities and delete locations', async () => {
    const backend = await startPermissionBackend();
    const server = backend.server;
    try {
      const adminOnly = [
        {
          permission: catalogEntityDeletePermission,
          resourceRef: 'domain:default/asset',
        },
        { permission: catalogLocationDeletePermission },
      ];
      expect(
        await decide(server, 'user:default/kwame.mensah', adminOnly),
      ).toEqual([AuthorizeResult.DENY, AuthorizeResult.DENY]);
      expect(
        await decide(server, 'user:default/liam.oconnor', adminOnly),
      ).toEqual([AuthorizeResult.ALLOW, AuthorizeResult.ALLOW]);
    } finally {
      await backend.stop();
    }
  });

  it('lets every signed-in user read the catalog', async () => {
    const backend = await startPermissionBackend();
    const server = backend.server;
    try {
      expect(
        await decide(server, 'user:default/kwame.mensah', [
          {
            permission: catalogEntityReadPermission,
            resourceRef: 'domain:default/asset',
          },
        ]),
      ).toEqual([AuthorizeResult.ALLOW]);
    } finally {
      await backend.stop();
    }
  });
});
