import { Client } from 'pg';

function adminClient(database = 'postgres'): Client {
  return new Client({
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD,
    database,
  });
}

/**
 * A clean database for one test file: `jiebang_<service>_test_w<worker>`, created on first use and emptied
 * (schema dropped) for each file, so parallel jest workers never share rows and migrations run from scratch.
 */
export async function freshDatabase(service: 'challenge' | 'matching' | 'notification'): Promise<string> {
  const name = `jiebang_${service}_test_w${process.env.JEST_WORKER_ID ?? '1'}`;
  const admin = adminClient();
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const db = adminClient(name);
  await db.connect();
  try {
    await db.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  } finally {
    await db.end();
  }
  return name;
}

/** Runs one query against a test database (assertions read the real rows). */
export async function query<T = Record<string, unknown>>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const db = adminClient(database);
  await db.connect();
  try {
    return (await db.query(sql, params)).rows as T[];
  } finally {
    await db.end();
  }
}
