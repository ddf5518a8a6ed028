import type { DataAccessApi } from '../api';

/** A DataAccessApi of jest mocks with harmless answers, for tests to override. */
export function mockDataAccessApi(
  overrides: Partial<DataAccessApi> = {},
): jest.Mocked<DataAccessApi> {
  return {
    listPurposeCategories: jest.fn(async () => [
      { id: 'analytics', title: 'Analytics and reporting' },
      {
        id: 'regulatory',
        title: 'Regulatory and compliance',
        description: 'Reporting to regulators',
      },
    ]),
    createRequest: jest.fn(),
    listRequests: jest.fn(async () => ({ items: [] })),
    getRequest: jest.fn(),
    getRequestHistory: jest.fn(async () => []),
    decideRequest: jest.fn(),
    cancelRequest: jest.fn(),
    revokeRequest: jest.fn(),
    listProductGrants: jest.fn(async () => []),
    ...overrides,
  } as jest.Mocked<DataAccessApi>;
}
