import type { Entity } from '@backstage/catalog-model';
import type { ApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  catalogApiRef,
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import type { ReactElement } from 'react';
import { useLocation } from 'react-router-dom';
import { dataMarketplaceApiRef } from '../api';
import {
  governanceRouteRef,
  meshMetricsRouteRef,
  rootRouteRef,
} from '../routes';
import { fakeDataMarketplaceApi } from './fakeDataMarketplaceApi';
import { InMemoryCatalog } from './InMemoryCatalog';

/** Shows the current URL's query, so tests can read what the page wrote there. */
export function LocationSearch() {
  const location = useLocation();
  return <output data-testid="location-search">{location.search}</output>;
}

/** The query the page last wrote into the URL, as URLSearchParams. */
export function currentSearch(container: HTMLElement): URLSearchParams {
  const output = container.querySelector('[data-testid="location-search"]');
  return new URLSearchParams(output?.textContent ?? '');
}

/**
 * Renders an element as the app would: with a catalog (in memory, spied on), the entity
 * page's route for links, and optionally an entity in context and the marketplace's route.
 * Without a DataMarketplaceApi in `apis`, it has a fake one without the marketplace index
 * (404), as a portal without the backend: the marketplace page then reads the catalog.
 */
export async function renderWithCatalog(
  element: ReactElement,
  options: {
    catalog: InMemoryCatalog | Partial<InMemoryCatalog>;
    entity?: Entity;
    routeEntries?: string[];
    mountMarketplace?: boolean;
    /** Mounts the governance and metrics pages, for links to them. */
    mountMeshPages?: boolean;
    /** More APIs, e.g. a fake DataMarketplaceApi: `[[dataMarketplaceApiRef, fake]]`. */
    apis?: Array<readonly [ApiRef<any>, unknown]>;
  },
) {
  const content = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  const apis = options.apis ?? [];
  const marketplaceApi = apis.some(
    ([ref]) => ref.id === dataMarketplaceApiRef.id,
  )
    ? []
    : [[dataMarketplaceApiRef, fakeDataMarketplaceApi()] as const];
  return renderInTestApp(
    <TestApiProvider
      apis={
        [[catalogApiRef, options.catalog], ...marketplaceApi, ...apis] as any
      }
    >
      {content}
      <LocationSearch />
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(options.mountMarketplace
          ? { '/data-marketplace': rootRouteRef }
          : {}),
        ...(options.mountMeshPages
          ? {
              '/data-mesh/governance': governanceRouteRef,
              '/data-mesh/metrics': meshMetricsRouteRef,
            }
          : {}),
      },
    },
  );
}
