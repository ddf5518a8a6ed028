import { screen, waitFor } from '@testing-library/react';
import { tenancyAnalytics } from '../../__testUtils__/fixtures';
import { mockDataAccessApi } from '../../__testUtils__/mockDataAccessApi';
import { permissionsAllowing } from '../../__testUtils__/permissions';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { RequestAccessButton } from './RequestAccessButton';

// In a file of its own: permission answers are cached per permission for the whole test
// file, and the create permission has no resource to tell the tests apart.
describe('RequestAccessButton without the create permission', () => {
  it('renders nothing once the permission framework said no', async () => {
    const permissionApi = permissionsAllowing(['data-access.request.read']);
    const authorize = jest.spyOn(permissionApi, 'authorize');
    await renderWithApis(<RequestAccessButton entity={tenancyAnalytics} />, {
      api: mockDataAccessApi(),
      permissionApi,
    });

    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'data-access.request.create',
          }),
        }),
      ),
    );
    await expect(authorize.mock.results[0].value).resolves.toEqual({
      result: 'DENY',
    });
    expect(
      screen.queryByRole('button', { name: 'Request access' }),
    ).not.toBeInTheDocument();
  });
});
