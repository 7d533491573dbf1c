import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';

/** A dedicated connection with the DataSource's own settings (host, credentials, SSL), outside its pool. */
export async function openSession(dataSource: DataSource): Promise<PgClient> {
  const o = dataSource.options as PostgresDataSourceOptions;
  const client = new PgClient({
    connectionString: o.url,
    host: o.host,
    port: o.port,
    user: o.username,
    password: typeof o.password === 'string' ? o.password : undefined,
    database: o.database,
    ssl: o.ssl as never,
    application_name: 'jiebang-outbox-relay',
  });
  await client.connect();
  return client;
}
