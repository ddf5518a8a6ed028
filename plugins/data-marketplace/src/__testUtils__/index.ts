export * from './InMemoryCatalog';
export * from './demoCatalog';
export * from './renderWithCatalog';
export * from './governanceFixtures';
export * from './metricsFixtures';
export * from './fakeDataMarketplaceApi';
export * from './marketplaceIndexFixtures';
