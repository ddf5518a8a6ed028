import { act, waitFor } from '@testing-library/react';
import { mockApis } from '@backstage/test-utils';

type AuthorizeOption = NonNullable<
  Parameters<typeof mockApis.permission>[0]
>['authorize'];
type Decision = ReturnType<Extract<AuthorizeOption, (...args: any[]) => any>>;

// The enum lives in @backstage/plugin-permission-common, which this package does not
// depend on; its values are these strings.
const ALLOW = 'ALLOW' as unknown as Decision;
const DENY = 'DENY' as unknown as Decision;

/** A permission API that allows only the named permissions (all when none are named). */
export function permissionsAllowing(names?: string[]) {
  return mockApis.permission({
    authorize: request =>
      !names || names.includes(request.permission.name) ? ALLOW : DENY,
  });
}

/**
 * A permission API allowing the named permissions, with a way to wait until every answer
 * it gave reached the page: only then does "the button is absent" mean "denied".
 */
export function spiedPermissions(names?: string[]) {
  const permissionApi = permissionsAllowing(names);
  const authorize = jest.spyOn(permissionApi, 'authorize');
  const settled = async (atLeast: number) => {
    await waitFor(() =>
      expect(authorize.mock.calls.length).toBeGreaterThanOrEqual(atLeast),
    );
    await act(async () => {
      await Promise.all(authorize.mock.results.map(result => result.value));
    });
  };
  return { permissionApi, authorize, settled };
}
