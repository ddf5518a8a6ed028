import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_LISTED_AT,
  DATA_PRODUCT_KIND,
} from '@datamesh/plugin-data-mesh-common';
import { metricsRef } from '../refs';
import { parseInstant } from './pluginClient';

/** A data product as the metrics see it in the catalog. */
export interface CatalogProduct {
  /** Lower case `dataproduct:namespace/name`. */
  ref: string;
  /** Lower case domain ref, from spec.domain. */
  domain?: string;
  /** spec.version. */
  version?: string;
  /** When the catalog first listed it (annotation datamesh/listed-at): the end of Cycle 1. */
  listedAt?: string;
}

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'spec.domain',
  'spec.version',
];

/** Every DataProduct in the catalog, read with the plugin's own service credentials. */
export async function readCatalogProducts(
  catalog: CatalogService,
  auth: AuthService,
): Promise<CatalogProduct[]> {
  const credentials = await auth.getOwnServiceCredentials();
  const products: CatalogProduct[] = [];
  for await (const page of catalog.streamEntities(
    { filter: { kind: DATA_PRODUCT_KIND }, fields: FIELDS },
    { credentials },
  )) {
    for (const entity of page) {
      const namespace = entity.metadata.namespace ?? 'default';
      const ref = metricsRef(
        `${entity.kind}:${namespace}/${entity.metadata.name}`,
      );
      if (!ref) {
        continue;
      }
      const spec = (entity.spec ?? {}) as {
        domain?: unknown;
        version?: unknown;
      };
      products.push({
        ref,
        domain: metricsRef(spec.domain, {
          defaultKind: 'domain',
          defaultNamespace: namespace,
        }),
        version:
          typeof spec.version === 'string' && spec.version.trim()
            ? spec.version.trim()
            : undefined,
        listedAt: parseInstant(
          entity.metadata.annotations?.[ANNOTATION_LISTED_AT],
        ),
      });
    }
  }
  return products;
}
