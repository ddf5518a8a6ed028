import { identityApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { ReactElement } from 'react';
import { dataAccessApiRef, type DataAccessApi } from '../api';
import { rootRouteRef } from '../routes';
import { fakeCatalogApi } from './fakeCatalogApi';
import { permissionsAllowing } from './permissions';

export interface RenderOptions {
  api: DataAccessApi;
  /** Permission names to allow; all when omitted. */
  allow?: string[];
  /** Replaces the permission API built from `allow`. */
  permissionApi?: ReturnType<typeof permissionsAllowing>;
  catalogEntities?: Entity[];
  identity?: Parameters<typeof mockApis.identity>[0];
  routeEntries?: string[];
}

/** Renders inside a test app with the plugin's routes mounted and its APIs mocked. */
export function renderWithApis(element: ReactElement, options: RenderOptions) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [dataAccessApiRef, options.api],
        [
          permissionApiRef,
          options.permissionApi ?? permissionsAllowing(options.allow),
        ],
        [
          identityApiRef,
          mockApis.identity(
            options.identity ?? {
              userEntityRef: 'user:default/ana',
              ownershipEntityRefs: ['user:default/ana'],
            },
          ),
        ],
        [catalogApiRef, fakeCatalogApi(options.catalogEntities ?? [])],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: {
        '/data-access': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}
