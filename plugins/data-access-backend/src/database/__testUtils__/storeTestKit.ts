import type { DatabaseService } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { knex as knexFactory, type Knex } from 'knex';
import type { NewAccessRequest } from '../AccessRequestStore';
import { DatabaseAccessRequestStore } from '../DatabaseAccessRequestStore';

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

export async function createStore(
  knex: Knex,
  options: { skipMigrations?: boolean } = {},
): Promise<DatabaseAccessRequestStore> {
  return DatabaseAccessRequestStore.create({
    database: databaseService(knex),
    skipMigrations: options.skipMigrations,
  });
}

export const JANE = 'user:default/jane';
export const OWNER = 'group:default/brokerage-data';
export const TENANCY = 'dataproduct:default/tenancy-analytics';
export const RATINGS = 'dataproduct:default/entity-ratings';

export function newRequest(
  overrides: Partial<NewAccessRequest> = {},
): NewAccessRequest {
  return {
    requester: JANE,
    dataProduct: TENANCY,
    outputPort: 'leases-view',
    consumer: JANE,
    purpose: {
      category: 'analytics',
      text: 'Credit-risk dashboard of tenant exposure',
    },
    productOwners: [OWNER],
    deliveryAdapter: 'webhook',
    ...overrides,
  };
}

/** A second knex on the same database, as a second backend replica would have. */
export function secondConnection(knex: Knex): Knex {
  const { client, connection } = knex.client.config;
  return knexFactory({ client, connection, pool: { min: 0, max: 5 } });
}

/**
 * The message a promise rejects with. Errors raised inside SQLite are made by the native
 * driver with the Error class of the first test file that loaded it, so in other files
 * Jest's `rejects.toThrow` does not see them as errors; their message is what matters.
 */
export async function rejectionOf(
  promise: PromiseLike<unknown>,
): Promise<string> {
  return promise.then(
    () => 'resolved',
    error => String(error?.message ?? error),
  );
}

/**
 * Makes every INSERT into `table` fail inside the database, as a crash in the middle of a
 * transaction would; returns what undoes it.
 */
export async function failInsertsInto(
  knex: Knex,
  table: string,
): Promise<() => Promise<void>> {
  const name = `fail_inserts_into_${table}`;
  if (knex.client.dialect === 'postgresql') {
    await knex.raw(`
      CREATE FUNCTION ${name}() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'simulated crash'; END; $$ LANGUAGE plpgsql`);
    await knex.raw(`
      CREATE TRIGGER ${name} BEFORE INSERT ON ${table}
      FOR EACH ROW EXECUTE PROCEDURE ${name}()`);
    return async () => {
      await knex.raw(`DROP TRIGGER ${name} ON ${table}`);
      await knex.raw(`DROP FUNCTION ${name}()`);
    };
  }
  await knex.raw(`
    CREATE TRIGGER ${name} BEFORE INSERT ON ${table}
    BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
  return async () => {
    await knex.raw(`DROP TRIGGER ${name}`);
  };
}
