import { useRouteRef } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import { requestRouteRef } from '../routes';

/** Where the app mounts the plugin when it follows the README. */
const DEFAULT_ROOT_PATH = '/data-access';

/**
 * The path of a request's page. The request button also lives on other plugins' pages
 * (the marketplace passes it into its cards); an app that did not bind the data-access
 * page must not crash there, so an unresolved route falls back to the documented path.
 */
export function useRequestLink(): (id: string) => string {
  let resolve: ((params: { id: string }) => string) | undefined;
  try {
    // useRouteRef runs all of its hooks before it can throw, so hook order stays stable.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    resolve = useRouteRef(requestRouteRef);
  } catch {
    resolve = undefined;
  }
  return useCallback(
    (id: string) =>
      resolve
        ? resolve({ id })
        : `${DEFAULT_ROOT_PATH}/requests/${encodeURIComponent(id)}`,
    [resolve],
  );
}
