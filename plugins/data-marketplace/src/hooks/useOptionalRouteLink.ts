import { useRouteRef, type RouteRef } from '@backstage/core-plugin-api';

/**
 * The address of one of the plugin's pages, or undefined where the app has not mounted it
 * (a portal may install a card without the pages). useRouteRef throws for an unmounted
 * route only after calling all of its own hooks, so catching it keeps the hook order stable.
 */
export function useOptionalRouteLink(
  routeRef: RouteRef<undefined>,
): (() => string) | undefined {
  try {
    return useRouteRef(routeRef);
  } catch {
    return undefined;
  }
}
