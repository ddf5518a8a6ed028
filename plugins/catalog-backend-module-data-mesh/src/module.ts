import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { DEFAULT_MAX_DESCRIPTOR_BYTES } from '@datamesh/plugin-data-mesh-common';
import { DataMeshEntitiesProcessor } from './DataMeshEntitiesProcessor';
import { DataProductConsumersProcessor } from './DataProductConsumersProcessor';
import { DataProductGovernanceStatusProcessor } from './DataProductGovernanceStatusProcessor';
import { DataProductListedAtProcessor } from './DataProductListedAtProcessor';
import { createDescriptorEntityDataParser } from './descriptorEntityDataParser';

/**
 * The catalog module of the data mesh suite: teaches the catalog the DataProduct kind and
 * the data-mesh Domain, and reads descriptor files (ODPS, ODCS, DCS, DPDS) from ordinary
 * `file` and `url` locations.
 */
export const catalogModuleDataMesh = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'data-mesh',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        processing: catalogProcessingExtensionPoint,
        model: catalogModelExtensionPoint,
      },
      async init({ config, discovery, auth, logger, processing, model }) {
        processing.addProcessor(
          new DataMeshEntitiesProcessor(),
          new DataProductConsumersProcessor({ discovery, auth, logger }),
          new DataProductListedAtProcessor(),
          new DataProductGovernanceStatusProcessor({ discovery, auth, logger }),
        );
        model.setEntityDataParser(
          createDescriptorEntityDataParser({
            maxBytes:
              config.getOptionalNumber('datamesh.descriptors.maxBytes') ??
              DEFAULT_MAX_DESCRIPTOR_BYTES,
          }),
        );
      },
    });
  },
});
