import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { resolve } from 'path';
import request from 'supertest';
import { authModuleDemoPersonas } from './module';

/** The claims of a Backstage token, without checking its signature (the backend did). */
function claims(token: string) {
  return JSON.parse(
    Buffer.from(token.split('.')[1], 'base64url').toString('utf8'),
  );
}

describe('the demo personas sign-in', () => {
  const previousEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = previousEnv;
  });

  async function startPortal() {
    const { server } = await startTestBackend({
      features: [
        authPlugin,
        authModuleDemoPersonas,
        catalogPlugin,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            auth: {
              session: { secret: 'test' },
              providers: { 'demo-personas': {} },
            },
            catalog: {
              locations: [
                {
                  type: 'file',
                  target: resolve(
                    __dirname,
                    '../../../../../catalog-info/org.yaml',
                  ),
                },
              ],
              rules: [{ allow: ['User', 'Group'] }],
            },
          },
        }),
      ],
    });
    return server;
  }

  async function refresh(server: any, persona?: string) {
    const call = request(server)
      .get('/api/auth/demo-personas/refresh')
      .set('X-Requested-With', 'XMLHttpRequest');
    return persona ? call.set('x-datamesh-persona', persona) : call;
  }

  it("signs in as a person of the catalog, with their team's ownership", async () => {
    process.env.NODE_ENV = 'development';
    const server = await startPortal();
    let response = await refresh(server, 'marie.dubois');
    // The catalog reads its locations in the background: wait for the user to appear.
    for (let i = 0; i < 100 && response.status !== 200; i++) {
      await new Promise(r => setTimeout(r, 200));
      response = await refresh(server, 'marie.dubois');
    }
    expect(response.status).toBe(200);
    const { token, identity } = response.body.backstageIdentity;
    expect(claims(token).sub).toBe('user:default/marie.dubois');
    expect(identity.ownershipEntityRefs).toEqual(
      expect.arrayContaining([
        'user:default/marie.dubois',
        'group:default/brokerage-data-team',
      ]),
    );
  });

  it('refuses a persona the catalog does not know, and a malformed header', async () => {
    process.env.NODE_ENV = 'development';
    const server = await startPortal();
    expect((await refresh(server, 'nobody.here')).status).toBe(404);
    const malformed = await refresh(server, '../admin');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/x-datamesh-persona/);
  });

  it('is off outside development', async () => {
    process.env.NODE_ENV = 'production';
    const server = await startPortal();
    const response = await refresh(server, 'marie.dubois');
    expect(response.status).toBe(403);
  });
});
