import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  GOVERNANCE_POLICIES_CONFIG_KEY,
  parsePolicies,
} from '@datamesh/plugin-data-mesh-common';
import { createCreateDescriptorAction } from './actions/createDescriptor';
import { createDiffContractAction } from './actions/diffContract';
import { createEvolveDescriptorAction } from './actions/evolveDescriptor';
import { createPublishRepositoryAction } from './actions/publishRepository';
import { createValidateDescriptorsAction } from './actions/validateDescriptors';
import { readLocalPublisherConfig } from './publish/localPublisherConfig';

/**
 * The scaffolder module of the data mesh suite: the actions that create, validate, evolve
 * and publish data products, for the templates in the repository's templates/ folder.
 */
export const scaffolderModuleDataMesh = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'data-mesh',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, catalog, auth, config }) {
        // Bad policies stop the backend at start, naming the path of each problem.
        const governance = parsePolicies(
          config.getOptional(GOVERNANCE_POLICIES_CONFIG_KEY) ?? [],
        );
        scaffolder.addActions(
          createCreateDescriptorAction({ catalog }),
          createEvolveDescriptorAction({ catalog }),
          createValidateDescriptorsAction({ catalog, governance }),
          createDiffContractAction({ catalog }),
          createPublishRepositoryAction({
            catalog,
            auth,
            config: readLocalPublisherConfig(config),
            rootConfig: config,
          }),
        );
      },
    });
  },
});
