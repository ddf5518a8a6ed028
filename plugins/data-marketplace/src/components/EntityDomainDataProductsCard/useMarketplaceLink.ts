import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';

/**
 * The marketplace's address, or undefined where the app has not mounted the marketplace page
 * (a portal may add the domain card alone). useRouteRef throws for an unmounted route only
 * after calling all of its own hooks, so catching it keeps the hook order stable.
 */
export function useMarketplaceLink(): (() => string) | undefined {
  try {
    return useRouteRef(rootRouteRef);
  } catch {
    return undefined;
  }
}
