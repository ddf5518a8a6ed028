import type { DatabaseService } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import type {
  GovernanceRuleResult,
  GovernanceStatus,
} from '@datamesh/plugin-data-mesh-common';
import { knex as knexFactory, type Knex } from 'knex';
import { DatabaseGovernanceStore } from '../DatabaseGovernanceStore';
import type { ProductGovernanceRecord } from '../GovernanceStore';

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
): Promise<DatabaseGovernanceStore> {
  return DatabaseGovernanceStore.create({
    database: databaseService(knex),
    skipMigrations: options.skipMigrations,
  });
}

/**
 * The database as a second backend replica sees it: its own connection pool on
 * PostgreSQL; on SQLite (one in-memory database per connection) the same connection.
 */
export function replicaConnection(knex: Knex): {
  knex: Knex;
  close(): Promise<void>;
} {
  if (knex.client.dialect !== 'postgresql') {
    return { knex, close: async () => {} };
  }
  const { client, connection } = knex.client.config;
  const other = knexFactory({ client, connection, pool: { min: 0, max: 5 } });
  return { knex: other, close: () => other.destroy() };
}

export const BROKERAGE = 'domain:default/brokerage';
export const CAPITAL = 'domain:default/capital-markets';

const pass = (ruleId: string): GovernanceRuleResult => ({
  ruleId,
  severity: 'error',
  passed: true,
  message: `${ruleId} holds`,
});
const fail = (
  ruleId: string,
  severity: 'error' | 'warning' = 'error',
): GovernanceRuleResult => ({
  ruleId,
  severity,
  passed: false,
  message: `fix ${ruleId}`,
  path: 'spec.owner',
});

/**
 * A product's record with results that match its status: `failing` fails mesh/owner with
 * an error, `warning` fails mesh/quality with a warning; the other rules pass.
 */
export function record(
  name: string,
  status: GovernanceStatus,
  overrides: Partial<ProductGovernanceRecord> = {},
): ProductGovernanceRecord {
  const results = [
    status === 'failing' ? fail('mesh/owner') : pass('mesh/owner'),
    status === 'warning'
      ? fail('mesh/quality', 'warning')
      : pass('mesh/quality'),
  ];
  return {
    entityRef: `dataproduct:default/${name}`,
    domain: BROKERAGE,
    owner: 'group:default/brokerage-data-team',
    status,
    results,
    failedErrors: status === 'failing' ? 1 : 0,
    failedWarnings: status === 'warning' ? 1 : 0,
    hash: `${name}-${status}`,
    ...overrides,
  };
}

export { pass, fail };
