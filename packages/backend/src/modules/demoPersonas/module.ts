import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { personaAuthenticator } from './personaAuthenticator';

/**
 * Sign-in as one of the demo organisation's people (auth provider `demo-personas`). The
 * user must exist in the catalog: their groups come from it, so an owner's token carries
 * their team and the permission policy treats them as the owner they are.
 */
export const authModuleDemoPersonas = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-personas',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'demo-personas',
          factory: createProxyAuthProviderFactory({
            authenticator: personaAuthenticator,
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({
                entityRef: { name: result.userName },
              }),
          }),
        });
      },
    });
  },
});
