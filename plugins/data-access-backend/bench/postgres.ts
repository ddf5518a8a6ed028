/*
 * The PostgreSQL the access-request benchmark runs on: the local server by default, or the
 * one the usual libpq variables name (PGHOST, PGPORT, PGUSER, PGPASSWORD).
 */
import knexFactory, { type Knex } from 'knex';

export interface PostgresConnection {
  host: string;
  port: number;
  user: string;
  password?: string;
}

export function postgresFromEnv(): PostgresConnection {
  return {
    host: process.env.PGHOST || '127.0.0.1',
    port: Number(process.env.PGPORT || 5432),
    user: process.env.PGUSER || 'postgres',
    password: process.env.PGPASSWORD || undefined,
  };
}

/** One connection to one database, for the few statements the benchmark runs itself. */
async function withClient<T>(
  connection: PostgresConnection,
  database: string,
  fn: (client: Knex) => Promise<T>,
): Promise<T> {
  const client = knexFactory({
    client: 'pg',
    connection: { ...connection, database, connectionTimeoutMillis: 5000 },
    pool: { min: 0, max: 1 },
  });
  try {
    return await fn(client);
  } finally {
    await client.destroy();
  }
}

/** The server's version, e.g. `15.20`; throws when nothing answers. */
export async function serverVersion(
  connection: PostgresConnection,
): Promise<string> {
  return withClient(connection, 'postgres', async client => {
    const { rows } = await client.raw('SHOW server_version');
    return String(rows[0].server_version).split(' ')[0];
  });
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function createDatabase(
  connection: PostgresConnection,
  name: string,
): Promise<void> {
  await withClient(connection, 'postgres', client =>
    client.raw(`CREATE DATABASE ${quoteIdent(name)}`),
  );
}

export async function runSql(
  connection: PostgresConnection,
  database: string,
  sql: string,
): Promise<void> {
  await withClient(connection, database, client => client.raw(sql));
}

/** The number of rows of a table. */
export async function countRows(
  connection: PostgresConnection,
  database: string,
  table: string,
): Promise<number> {
  return withClient(connection, database, async client => {
    const [{ count }] = await client(table).count({ count: '*' });
    return Number(count);
  });
}

/** Drops every database whose name starts with the prefix; returns their names. */
export async function dropDatabasesWithPrefix(
  connection: PostgresConnection,
  prefix: string,
): Promise<string[]> {
  if (!/^bench_\w+_$/.test(prefix)) {
    throw new Error(`refusing to drop databases with prefix '${prefix}'`);
  }
  return withClient(connection, 'postgres', async client => {
    const rows: Array<{ datname: string }> = await client('pg_database')
      .select('datname')
      .whereRaw('starts_with(datname, ?)', [prefix])
      .orderBy('datname');
    const names = rows.map(row => row.datname);
    for (const name of names) {
      // WITH (FORCE), PostgreSQL 13 and later: a pool the backend left open does not block it.
      await client.raw(
        `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`,
      );
    }
    return names;
  });
}
