import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { DataMeshPermissionPolicy } from './DataMeshPermissionPolicy';

/** Installs the suite's permission policy into the permission backend. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'datamesh-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        policy: policyExtensionPoint,
      },
      async init({ config, userInfo, policy }) {
        policy.setPolicy(
          DataMeshPermissionPolicy.fromConfig(config, { userInfo }),
        );
      },
    });
  },
});
