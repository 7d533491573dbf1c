import { Client } from 'pg';

export interface PgConnection {
  host: string;
  port: number;
  /** node-postgres' spelling of the user … */
  user: string;
  /** … and TypeORM's: one object serves both, spread into either's options. */
  username: string;
  password: string | undefined;
  database: string;
}

/**
 * The Postgres that tests and benchmarks use, from the libpq variables (`PGHOST`, `PGPORT`, `PGUSER`,
 * `PGPASSWORD`) with this machine's defaults. Services read the same variables through their config instead.
 */
export function pgConnection(database = 'postgres'): PgConnection {
  const user = process.env.PGUSER ?? 'postgres';
  return {
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user,
    username: user,
    password: process.env.PGPASSWORD,
    database,
  };
}

function adminClient(database = 'postgres'): Client {
  return new Client(pgConnection(database));
}

/** A run id that sorts by time: base-36 milliseconds plus a little randomness. */
export function newRunId(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 2).toString(36).padStart(2, '0')}`;
}

function runId(): string {
  return (process.env.JIEBANG_TEST_RUN ??= newRunId());
}

/**
 * A clean database for one test file: `jiebang_<service>_test_<run>_w<worker>`, created on first use and emptied
 * (schema dropped) for each file, so parallel jest workers — and concurrent runs — never share rows, and
 * migrations run from scratch. The run's databases are dropped when it ends (jest global teardown).
 */
export async function freshDatabase(service: 'challenge' | 'matching' | 'notification'): Promise<string> {
  const name = `jiebang_${service}_test_${runId()}_w${process.env.JEST_WORKER_ID ?? '1'}`;
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

const RUN_DATABASE = /^jiebang_[a-z]+_test_([a-z0-9]+)_w\d+$/;

/** Drops the test databases of one run, or of every run started longer ago than `olderThanMs`. */
export async function dropRunDatabases(which: { run?: string; olderThanMs?: number }): Promise<string[]> {
  const admin = adminClient();
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'jiebang\_%\_test\_%\_w%'`);
    const doomed = rows
      .map((r) => r.datname)
      .filter((name) => {
        const run = RUN_DATABASE.exec(name)?.[1];
        if (!run) return false;
        if (which.run) return run === which.run;
        const startedAt = parseInt(run.slice(0, -2), 36);
        return which.olderThanMs !== undefined && Date.now() - startedAt > which.olderThanMs;
      });
    for (const name of doomed) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    return doomed;
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = adminClient();
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
