import { NotAllowedError, InputError } from '@backstage/errors';
import { createProxyAuthenticator } from '@backstage/plugin-auth-node';

/** The header the demo's sign-in page sends with the persona the visitor picked. */
export const PERSONA_HEADER = 'x-datamesh-persona';

const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/**
 * Trusts the persona named in a header, like the guest provider trusts anyone: only for a
 * demo portal, so visitors can act as the people of the demo organisation (a consumer, a
 * product owner, governance). Off outside development unless config says otherwise.
 */
export const personaAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: { userName: string }) => ({
    profile: { displayName: result.userName },
  }),
  initialize({ config }) {
    const allowOutsideDevelopment = config.getOptionalBoolean(
      'dangerouslyAllowOutsideDevelopment',
    );
    return {
      enabled:
        process.env.NODE_ENV === 'development' ||
        allowOutsideDevelopment === true,
    };
  },
  async authenticate({ req }, { enabled }) {
    if (!enabled) {
      throw new NotAllowedError(
        "The demo personas sign-in is for development only; set 'auth.providers.demo-personas.dangerouslyAllowOutsideDevelopment' to use it elsewhere",
      );
    }
    const userName = req.header(PERSONA_HEADER) ?? '';
    if (!USER_NAME.test(userName)) {
      throw new InputError(
        `Header ${PERSONA_HEADER}: expected the name of a user of the catalog, such as marie.dubois`,
      );
    }
    return { result: { userName } };
  },
});
