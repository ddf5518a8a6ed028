import type { DatabaseService } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { DatabaseMetricsStore } from '../DatabaseMetricsStore';

/** Every database the store supports; ids without a connection string are skipped. */
export const DATABASE_IDS: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
  'SQLITE_3',
];

export function createTestDatabases(): TestDatabases {
  return TestDatabases.create({ ids: DATABASE_IDS });
}

export function databaseService(knex: Knex): DatabaseService {
  return { getClient: async () => knex };
}

export function createStore(
  knex: Knex,
  options: { skipMigrations?: boolean } = {},
): Promise<DatabaseMetricsStore> {
  return DatabaseMetricsStore.create({
    database: databaseService(knex),
    skipMigrations: options.skipMigrations,
  });
}
